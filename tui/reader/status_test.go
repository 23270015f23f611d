package reader

import (
	"regexp"
	"strings"
	"testing"

	"newsbrowse/styles"
	"newsbrowse/tui/screen"
)

// A j moves the position on the status line: the painter rewrites the
// digits that changed, without the bar's colours before them and a reset
// after (over ssh, those were a third of the bytes of a scrolled line).
func TestScrollRewritesThePositionWithoutColours(t *testing.T) {
	sgr := regexp.MustCompile(`\x1b\[[0-9;:]*m`)
	for name, st := range map[string]styles.Styles{"colour": styles.New(true), "mono": styles.Mono()} {
		m := New(st, narrow, 80)
		m.SetSize(80, 24)
		m = drain(m, m.Open(nil, bigArticle(30), false, ""))
		status := func() string {
			v := m.View()
			return v[strings.LastIndexByte(v, '\n')+1:]
		}
		p := screen.NewPainter(narrow)
		p.Frame([]string{status()}, 80, 1)
		for i := range 8 {
			m.Update(keyMsg("j"))
			b := p.Frame([]string{status()}, 80, 1)
			if len(b) == 0 {
				t.Fatalf("%s: j %d did not change the status line %q", name, i, status())
			}
			if sgr.Match(b) {
				t.Errorf("%s: j %d rewrote the status line with colours: %q", name, i, b)
			}
		}
	}
}
