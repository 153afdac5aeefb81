// GNU readline and its history library; stdio first because readline.h needs FILE.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
