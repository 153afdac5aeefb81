// zlib (Debian: zlib1g-dev, which libxlsxwriter itself links): the tests inflate the workbooks
// they read back with it, so they need no unzip program.
#include <zlib.h>
