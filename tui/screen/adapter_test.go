package screen

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// script is a model whose views are given in turn.
type script struct{ views []string }

func (s *script) Init() tea.Cmd                       { return nil }
func (s *script) Update(tea.Msg) (tea.Model, tea.Cmd) { return s, nil }
func (s *script) View() tea.View {
	v := s.views[0]
	if len(s.views) > 1 {
		s.views = s.views[1:]
	}
	return tea.NewView(v)
}

// A blank view before anything was shown is not handed to the painter: a
// blank frame painted first would hold the first frame with content back
// by a frame interval. Once something was shown, every view is.
func TestAdapterFirstFrameHasContent(t *testing.T) {
	l := newLoop(&recorder{}, NewPainter(narrow), time.Millisecond)
	a := &adapter{inner: &script{views: []string{"", "", "abc", ""}}, s: &session{loop: l}, w: 3, h: 1}
	a.Init()
	a.Update(tea.WindowSizeMsg{Width: 3, Height: 1})
	if l.have {
		t.Fatalf("a blank view was handed over before any content: %q", l.content)
	}
	a.Update(tea.KeyPressMsg{})
	if !l.have || l.content != "abc" {
		t.Fatalf("handed over %v %q, want \"abc\"", l.have, l.content)
	}
	a.Update(tea.KeyPressMsg{})
	if l.content != "" {
		t.Fatalf("after content, a blank view was not handed over: %q", l.content)
	}
}
