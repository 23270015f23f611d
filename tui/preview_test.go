package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsbrowse/tui/screen"
)

// heldTicks is a clock that never fires by itself: a test fires the
// delays when it lets time pass.
type heldTicks struct{ due []func(time.Time) tea.Msg }

func (h *heldTicks) tick(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { h.due = append(h.due, fn); return nil }
}

// pass fires every delay due, in order, as when the keys rest.
func (h *heldTicks) pass(d *driver) {
	for len(h.due) > 0 {
		fn := h.due[0]
		h.due = h.due[1:]
		d.send(fn(time.Time{}))
	}
}

// previewPane is the text of the preview pane, the right of the border on
// every list row.
func previewPane(view string) string {
	var b strings.Builder
	for _, row := range strings.Split(ansi.Strip(view), "\n") {
		if _, pane, ok := strings.Cut(row, " │ "); ok {
			b.WriteString(pane + "\n")
		}
	}
	return b.String()
}

// A held key runs through the list without repainting the preview for
// every row it passes, even rows whose article is in the cache: after the
// first move (from rest, shown at once when its article is kept), the
// pane keeps what it shows until the selection rests, and then shows the
// article of the row it rests on. Each repeat sends only the list's rows.
func TestHeldKeyLeavesThePreview(t *testing.T) {
	h := &heldTicks{}
	cfg := testConfig(t)
	cfg.Tick = h.tick
	const w, rows = 120, 30
	d := newDriver(t, cfg, w, rows)
	h.pass(d)
	p := screen.NewPainter(cfg.Cond)
	paint := func() int { return len(p.Frame(strings.Split(d.m.View().Content, "\n"), w, rows)) }
	paint()
	for range 4 { // at rest on each row: their articles are read and kept
		d.keys("j")
		h.pass(d)
		paint()
	}
	for _, key := range []string{"k", "j"} {
		d.keys(key) // pressed
		paint()
		for i := range 4 { // repeated
			before := previewPane(d.m.View().Content)
			d.keys(key)
			if after := previewPane(d.m.View().Content); after != before {
				t.Fatalf("%s held, move %d: the preview changed from\n%s\nto\n%s", key, i+1, before, after)
			}
			if n := paint(); n > 200 {
				t.Errorf("%s held, move %d: %d bytes", key, i+1, n)
			}
		}
		h.pass(d)
		sel, _ := d.model().lib.Selected()
		if rel := d.model().lib.PreviewRel(); rel != sel.RelPath {
			t.Fatalf("%s released: preview of %q, selection %q", key, rel, sel.RelPath)
		}
		paint()
	}
}

// Past the last row, a held key scrolls the list; beside it the pane is
// blank until the selection rests, so that whole rows move in the
// terminal: a move costs what it costs with the pane hidden, and the
// border of the new row (the blank padding before it is stepped over).
func TestHeldKeyScrollsBesideABlankPane(t *testing.T) {
	const w, rows, moves = 120, 8, 6
	cost := func(hide bool) []int {
		h := &heldTicks{}
		cfg := testConfig(t)
		cfg.Tick = h.tick
		d := newDriver(t, cfg, w, rows)
		if hide {
			d.keys("p")
		}
		h.pass(d)
		p := screen.NewPainter(cfg.Cond)
		paint := func() int { return len(p.Frame(strings.Split(d.m.View().Content, "\n"), w, rows)) }
		for range rows - 3 { // to the last row on screen, at rest
			d.keys("j")
			h.pass(d)
		}
		paint()
		d.keys("j") // pressed: the first scroll leaves the pane
		paint()
		var out []int
		for range moves { // repeated
			d.keys("j")
			out = append(out, paint())
		}
		return out
	}
	shown, hidden := cost(false), cost(true)
	for i := range shown {
		if limit := hidden[i] + len(" │ ") + len("\x1b[99C"); shown[i] > limit {
			t.Errorf("move %d: %d bytes beside the pane, %d without it", i+1, shown[i], hidden[i])
		}
	}
	t.Logf("beside the pane %v, without %v", shown, hidden)
}
