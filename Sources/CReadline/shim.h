// GNU readline and its history library; stdio first because readline.h needs FILE.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// readline's settings are C globals, which Swift 6 treats as unsafe shared state. The shell
// touches them only from its prompt thread, through these small accessors.

/// Our own SIGINT handler stays installed; the prompt goes to stderr when asked (stdout is a
/// file); Tab calls `complete`.
static inline void nectarql_readline_configure(const char *name, int prompt_on_stderr, rl_completion_func_t *complete) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_outstream = prompt_on_stderr ? stderr : stdout;
    rl_attempted_completion_function = complete;
}

static inline FILE *nectarql_readline_output(void) { return rl_outstream ? rl_outstream : stdout; }
static inline int nectarql_readline_input_descriptor(void) { return fileno(rl_instream ? rl_instream : stdin); }
static inline const char *nectarql_readline_line_buffer(void) { return rl_line_buffer; }

/// Tells readline not to fall back to file names, and what to type after a unique match.
static inline void nectarql_completion_done(int append_character) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = append_character;
}

/// Entries are written after a `#<time>` line so that a multi-line statement reads back as one.
static inline void nectarql_history_use_multiline_entries(void) {
    history_comment_char = '#';
    history_write_timestamps = 1;
    history_multiline_entries = 1;
}

/// The newest history entry's text, or NULL when the history is empty.
static inline const char *nectarql_history_last_line(void) {
    if (history_length <= 0) return NULL;
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}
