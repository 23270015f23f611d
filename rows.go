// The rows --list and --grep print: the path column as scripts or people
// need it, and the end of each row.

package main

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"newsbrowse/loader"
)

// rowFormat is how --list and --grep write their rows.
type rowFormat struct {
	tty  bool // stdout is a terminal: paths are escaped for reading
	null bool // -0: rows end in NUL
}

// newRowFormat looks at stdout once.
func newRowFormat(stdout io.Writer, null bool) rowFormat {
	f, ok := stdout.(*os.File)
	return rowFormat{tty: ok && term.IsTerminal(f.Fd()), null: null}
}

// path is the path column: on a terminal escaped as ls -b does, else the
// name's bytes exactly as on disk, so that cat, xargs and --print open it.
func (rf rowFormat) path(rel string) string {
	if rf.tty {
		return loader.EscapePath(rel)
	}
	return rel
}

// end is what ends a row.
func (rf rowFormat) end() byte {
	if rf.null {
		return 0
	}
	return '\n'
}
