package library

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"newsbrowse/styles"
	"newsbrowse/tui/screen"
)

// lessLineBytes is what less writes to scroll its list of file names by
// one: the new name, CR LF, and its prompt rewritten (":" ESC[K CR ESC[K).
func lessLineBytes(name string) int { return len(name) + len("\r\n:\x1b[K\r\x1b[K") }

// Moving the selection within the screen rewrites the marker and number
// columns of the two rows and the changed digits of the count in the
// status line (in the terminal's own colours, as less draws its prompt),
// never a title: the text of both rows stays on screen as it is. On a
// 256-colour terminal, as the bench's xterm-256color, that is at most 1.25
// times what less writes to move through the same list of names (the
// goal is 2).
func TestMoveSelectionBytes(t *testing.T) {
	for _, c := range []struct {
		name string
		st   styles.Styles
	}{{"dark", styles.New(true)}, {"light", styles.New(false)}, {"mono", styles.Mono()}} {
		t.Run(c.name, func(t *testing.T) {
			m := New(c.st, narrow, "/tmp/集合")
			es := entries(100)
			m.SetEntries(es)
			m.SetRead(func(string) bool { return false }, len(es)) // the unread column, as on first use
			m.SetSize(80, 24)
			p := screen.NewPainter(narrow)
			frame := func() string { return string(p.Frame(strings.Split(m.View(), "\n"), 80, 24)) }
			frame()
			for i := range 12 {
				m.Update(keyMsg("j"))
				out := frame()
				for _, e := range es[i : i+2] {
					if strings.Contains(out, e.Title) {
						t.Errorf("move %d rewrote the title %q: %q", i+1, e.Title, out)
					}
				}
				var sent bytes.Buffer
				w := &colorprofile.Writer{Forward: &sent, Profile: colorprofile.ANSI256}
				if _, err := w.Write([]byte(out)); err != nil {
					t.Fatal(err)
				}
				if budget := 5 * lessLineBytes(es[i+1].RelPath) / 4; sent.Len() > budget {
					t.Errorf("move %d: %d bytes at 256 colours, more than %d (1.25 times less's): %q", i+1, sent.Len(), budget, sent.String())
				}
			}
		})
	}
}
