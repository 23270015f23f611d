// --help: every flag with its meaning and default, the environment, the
// main keys and the exit statuses.

package main

const usageText = `usage: newsbrowse [--measure N] [--ambiguous auto|narrow|wide] [--no-fold-variants] [--no-mouse] [PATH]
       newsbrowse --list [--marked] [--unread|--read] [-0] PATH
       newsbrowse --print FILE [--width N]
       newsbrowse --grep QUERY [-0] [--no-fold-variants] PATH
       newsbrowse --export [--marked] PATH
       newsbrowse serve [flags] PATH   (see newsbrowse serve -h)
`

const helpText = usageText + `
Browse a folder of crawled news articles (PATH, default .), a zip archive
of one, or read one article full-screen (ARCHIVE.zip/PATH inside an
archive); or, with one of the modes below, print for scripts.

Modes (one at a time):
  --list           print the index of PATH, one row per article in list
                   order: prefix<TAB>title<TAB>path
  --grep QUERY     print path<TAB>count<TAB>snippet for every article of PATH
                   that holds QUERY (smart case, full-width and
                   traditional/simplified folded)
  --print          print the article FILE cleaned and wrapped, as plain text
  --export         print every article of PATH cleaned, as JSON Lines (one
                   object a line: id, prefix, title, path, encoding, images,
                   text), in list order

Flags:
  --marked         with --list or --export: only the articles marked with m
                   (default off)
  --unread         with --list: only the articles not opened yet (default off)
  --read           with --list: only the articles opened before (default off)
  -0, --null       with --list or --grep: end each row with NUL instead of a
                   newline, for xargs -0 (default off)
  --width N        with --print: wrap at N columns, 1 to 4096
                   (default: the terminal's width, else 80)
  --measure N      longest text line in the reader, 1 to 4096 columns
                   (default 80)
  --ambiguous auto|narrow|wide
                   how wide “ ” ‘ ’ … — · are; auto (the default) asks the
                   terminal once the first screen is shown, and counts them
                   narrow until it answers; RUNEWIDTH_EASTASIAN=1 or 0 means
                   wide or narrow; the locale never changes it
  --no-fold-variants
                   searches tell traditional from simplified characters
                   (default: 數據庫 and 数据库 match each other, character
                   by character; words such as 資料庫 are not converted)
  --no-mouse       leave the mouse to the terminal (default: the wheel
                   scrolls, a click selects, a click on the selection opens;
                   Shift+drag still selects text in most terminals)
  -h, --help       show this help

The path column of --list and --grep holds each name's bytes as on disk
when stdout is not a terminal (so cat, xargs and --print open it), and
escapes unprintable bytes as ls -b does on a terminal. Titles and snippets
are always decoded UTF-8 made safe to show.

Environment:
  NO_COLOR             set and not empty: monochrome, highlights in reverse video
  RUNEWIDTH_EASTASIAN  1: ambiguous characters are two columns wide
  PAGER                program for e (default less; LESSCHARSET=utf-8 is set
                       when neither it nor LESSCHARDEF is set)
  EDITOR               program for o (default vi); arguments are allowed, as
                       in EDITOR="code -w"
  NEWSBROWSE_NO_FOLD_VARIANTS
                       set and not 0: as --no-fold-variants
  XDG_STATE_HOME       marks are kept in $XDG_STATE_HOME/newsbrowse
                       (default ~/.local/state/newsbrowse)

Main keys (press ? in any view for all of them):
  j k ↓ ↑  move        Enter l →  open            q h ← Esc  back, quit
  /        filter the library, search in the reader;  n N  next, previous match
  F        search all articles    m M  mark, show marked only
  [ ]      previous, next article  r    cleaned text / source
  e        article in $PAGER       o    file in $EDITOR     ctrl+c  quit

Exit status:
  0    success
  1    --grep found nothing, --export wrote nothing; --print FILE is not an
       article (binary, or larger than 256 MB)
  2    usage error, PATH missing or unreadable; --grep could not read some
       files (they are named on stderr)
  130  interrupted (SIGINT)
`
