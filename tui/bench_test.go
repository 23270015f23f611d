package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/tui/screen"
	"newsbrowse/tui/teatest"
)

// benchmarkKey is what one key costs the program as a served session
// spends it: the update, the view and the painter's bytes for the frame,
// in colour at 80×24. keys are pressed in turn after the keys of setup.
func benchmarkKey(b *testing.B, setup []string, keys ...string) {
	cfg := testConfig(b)
	cfg.NoColor = false
	m := tea.Model(New(cfg))
	d := teatest.ForModel(&m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.Run(m.Init())
	for _, k := range setup {
		d.Send(press(k))
	}
	p := screen.NewPainter(cfg.Cond)
	p.Frame(strings.Split(m.View().Content, "\n"), 80, 24)
	b.ReportAllocs()
	bytes := 0
	for i := 0; b.Loop(); i++ {
		d.Send(press(keys[i%len(keys)]))
		bytes += len(p.Frame(strings.Split(m.View().Content, "\n"), 80, 24))
	}
	b.ReportMetric(float64(bytes)/float64(b.N), "B/frame")
}

// BenchmarkKeyList moves the selection down and up the list.
func BenchmarkKeyList(b *testing.B) {
	benchmarkKey(b, nil, "j", "j", "j", "j", "k", "k", "k", "k")
}

// BenchmarkKeyReader scrolls the longest sample article down and up.
func BenchmarkKeyReader(b *testing.B) {
	benchmarkKey(b, []string{"G", "/", "城", "市", "更", "新", "enter", "enter"}, "j", "j", "j", "j", "k", "k", "k", "k")
}
