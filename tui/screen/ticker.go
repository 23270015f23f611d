// The one place that reaches into Bubble Tea's unexported state, kept
// apart: TestIdleProgramStopsTheFrameTimer fails when its Program changes.

package screen

import (
	"reflect"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
)

// stopTicker stops the timer with which Bubble Tea's program p flushes its
// renderer 60 times a second, even without a renderer (Bubble Tea v2.1.1;
// upstream charmbracelet/bubbletea#1796 is not released). Nothing of the
// program's output waits for it: terminalOutput takes it all. It must be
// called on the program's event loop (a message filter), after the program
// started and again after every tea.Exec, which restarts the timer. It
// reports whether it found the timer.
func stopTicker(p *tea.Program) bool {
	if p == nil {
		return false
	}
	f := reflect.ValueOf(p).Elem().FieldByName("ticker")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*time.Ticker)(nil)) {
		return false
	}
	t := *(**time.Ticker)(unsafe.Pointer(f.UnsafeAddr()))
	if t == nil {
		return false
	}
	t.Stop()
	return true
}
