// Package teatest runs Bubble Tea models synchronously for tests: every
// command runs at once on the test's goroutine and its messages are fed
// back, depth first, before the next input. No goroutine, no timer, no
// wall clock: what a test sees after Send is the state the program reaches
// once every command of that input has answered.
//
// Only _test.go files import it, as net/http/httptest is imported by the
// tests of HTTP code (TestOnlyTestsImportIt checks that). It is not under
// an internal/ folder because the main package's tests share it, and the
// repository's top-level layout has no internal/.
package teatest

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Driver feeds messages to an update function and runs the commands it
// returns.
type Driver struct {
	update func(tea.Msg) tea.Cmd
	// Quit is set once a command asked the program to quit.
	Quit bool
}

// New drives update, which hands a message to the model under test and
// returns the model's command.
func New(update func(tea.Msg) tea.Cmd) *Driver { return &Driver{update: update} }

// ForModel drives the tea.Model *m, replacing it with each Update's model.
func ForModel(m *tea.Model) *Driver {
	return New(func(msg tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		*m, cmd = (*m).Update(msg)
		return cmd
	})
}

// Send hands msg to the model and runs what it returns.
func (d *Driver) Send(msg tea.Msg) { d.Run(d.update(msg)) }

// Update hands msg to the model and returns its command without running
// it, so that a test can look at the screen while the command works.
func (d *Driver) Update(msg tea.Msg) tea.Cmd { return d.update(msg) }

// Run executes cmd and feeds its messages back, depth first. Bubble Tea's
// own messages (terminal queries, exec requests) are fed back too, and the
// model ignores them as it would in a program; a quit is recorded in Quit.
func (d *Driver) Run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.Run(c)
		}
	case tea.QuitMsg:
		d.Quit = true
	default:
		d.Send(msg)
	}
}

// Messages runs cmd and returns the messages it stands for: a batch is
// flattened in order, nil commands and nil messages are left out.
func Messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, Messages(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// Tick is tea.Tick with a timer that has already fired: given to a model
// in place of tea.Tick, a debounce or a delay answers at once, with the
// zero time.
func Tick(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { return fn(time.Time{}) }
}
