import CLibXML2

/// libxml2's one-time set-up, done once for the process before any parse: `xmlInitParser` is
/// not safe to call from two threads at once, and files are parsed on several threads. (A Swift
/// global is initialised once, under a lock, on first use.)
let libxmlReady: Void = xmlInitParser()
