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

// libxml2 also prints some errors (an input encoding that fails, say) on stderr through its
// generic error function, beside the structured error the reader turns into one message. Swift
// cannot define a variadic C function, so the silent one lives here.
static void wijk_xml_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void wijk_xml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, wijk_xml_silent); }
