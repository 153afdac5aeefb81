// libxlsxwriter (Debian: libxlsxwriter-dev), which writes real Excel workbooks.
#include <xlsxwriter.h>
