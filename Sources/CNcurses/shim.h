#ifndef QSEEK_CNCURSES_SHIM_H
#define QSEEK_CNCURSES_SHIM_H

// Wide-character ncurses: both macros must be set before the header is read, or the
// cchar_t / *_wch API is compiled out.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
// Linux ships the wide-character build as ncursesw; macOS's system ncurses has it built in.
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif
#include <signal.h>
#include <termios.h>
#include <unistd.h>

// Globals and macros Swift cannot import as they stand (mutable C globals are not
// concurrency-safe in Swift 6; function-like macros are not imported at all).
static inline WINDOW *qs_stdscr(void) { return stdscr; }
static inline FILE *qs_stdout(void) { return stdout; }
static inline FILE *qs_stdin(void) { return stdin; }
static inline int qs_wcwidth(wchar_t character) { return wcwidth(character); }
static inline int qs_lines(void) { return LINES; }
static inline int qs_cols(void) { return COLS; }
static inline int qs_colors(void) { return COLORS; }
static inline int qs_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t qs_a_normal(void) { return A_NORMAL; }
static inline attr_t qs_a_bold(void) { return A_BOLD; }
static inline attr_t qs_a_dim(void) { return A_DIM; }
static inline attr_t qs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t qs_a_reverse(void) { return A_REVERSE; }
#ifdef A_ITALIC
static inline attr_t qs_a_italic(void) { return A_ITALIC; }
#else
static inline attr_t qs_a_italic(void) { return 0; }
#endif

static inline const cchar_t *qs_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *qs_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *qs_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *qs_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *qs_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *qs_wacs_lrcorner(void) { return WACS_LRCORNER; }

static inline int qs_key_resize(void) { return KEY_RESIZE; }
static inline int qs_key_mouse(void) { return KEY_MOUSE; }
static inline int qs_err(void) { return ERR; }
static inline int qs_ok(void) { return OK; }

/// Builds one cell from a grapheme cluster's scalars (at most CCHARW_MAX, the first spacing).
static inline int qs_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    // The int behind `opts` carries the (extended) pair number; the short argument is ignored.
    return setcchar(cell, text, attrs, 0, &pair);
}

static inline int qs_ccharw_max(void) { return CCHARW_MAX; }

static inline int qs_init_extended_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

#endif
