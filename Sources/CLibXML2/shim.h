// libxml2 for Swift. Debian's headers enable ICU, whose UErrorCode clashes with Foundation's
// bundled ICU on a clean build (ENGINEERING.md, trap 1): read the version header first and
// switch ICU off before any other libxml2 header is seen.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
