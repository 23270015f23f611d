package tui

import (
	"runtime"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/tui/teatest"
)

// Bubble Tea copies the root model on every message: a key in the list or
// the reader, and its view, put it on the heap once (the tea.Model Update
// returns), not at every step on the way, and the model holds no large
// value (a set of styles, a text input) that each copy would copy.
func TestAKeyAllocatesLittle(t *testing.T) {
	for name, setup := range map[string][]string{
		"list":   nil,
		"reader": {"G", "/", "城", "市", "更", "新", "enter", "enter"},
	} {
		t.Run(name, func(t *testing.T) {
			m := tea.Model(New(testConfig(t)))
			d := teatest.ForModel(&m)
			d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			d.Run(m.Init())
			for _, k := range setup {
				d.Send(press(k))
			}
			const keys = 40
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for i := range keys {
				d.Send(press([]string{"j", "k"}[i/4%2]))
				_ = m.View()
			}
			runtime.ReadMemStats(&after)
			perKey := (after.TotalAlloc - before.TotalAlloc) / keys
			const budget = 32 << 10
			if perKey > budget {
				t.Errorf("a key allocates %d bytes, more than %d; the model is %d", perKey, budget, unsafe.Sizeof(Model{}))
			}
		})
	}
}
