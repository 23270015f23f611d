package library

import (
	"strings"
	"testing"

	"newsbrowse/styles"
	"newsbrowse/tui/screen"
)

// Moving the selection rewrites the text of the two rows and the count in
// the status line, not the blank rest of the rows: the colours end with
// the title, so the painter erases the rest instead of writing spaces.
func TestMoveSelectionBytes(t *testing.T) {
	m := New(styles.New(true), narrow, "/tmp/集合")
	m.SetEntries(entries(100))
	m.SetSize(80, 24)
	p := screen.NewPainter(narrow)
	frame := func() int { return len(p.Frame(strings.Split(m.View(), "\n"), 80, 24)) }
	frame()
	for i := range 5 {
		m.Update(keyMsg("j"))
		// two rows of text and colours and the count: 255 bytes; 351
		// when the selected row's colours ran to its end
		if n := frame(); n > 280 {
			t.Fatalf("move %d: %d bytes", i+1, n)
		}
	}
}
