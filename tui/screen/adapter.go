package screen

import tea "charm.land/bubbletea/v2"

// adapter is the model Bubble Tea runs: it passes everything to the real
// model and hands each new view to the painting loop. Bubble Tea's own
// renderer is off, so the view it gets back is not drawn by it.
type adapter struct {
	inner tea.Model
	s     *session
	w, h  int      // the size the model lays out for
	view  tea.View // the inner model's latest view
	shown bool     // a view with content was handed to the loop
}

func (a *adapter) Init() tea.Cmd {
	defer a.s.restoreOnPanic()
	cmd := a.inner.Init()
	a.paint()
	return cmd
}

func (a *adapter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer a.s.restoreOnPanic()
	switch m := msg.(type) {
	case tea.WindowSizeMsg:
		a.w, a.h = m.Width, m.Height
	case tea.ResumeMsg:
		_ = a.s.reacquire()
	case WidthMsg:
		if m.Cond != a.s.cond {
			a.s.cond = m.Cond
			a.s.loop.setCond(m.Cond)
		}
	}
	var cmd tea.Cmd
	a.inner, cmd = a.inner.Update(msg)
	a.paint()
	return a, cmd
}

// View returns the view computed after the last Update.
func (a *adapter) View() tea.View { return a.view }

func (a *adapter) paint() {
	a.view = a.inner.View()
	if a.view.Content == "" && !a.shown {
		// nothing to show yet: painting a blank screen would hold the
		// first frame with content back by a frame interval
		return
	}
	a.shown = true
	a.s.loop.submit(a.view.Content, a.w, a.h)
	a.s.startProbe()
}
