package styles

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"charm.land/lipgloss/v2"
)

func TestLightAndDarkDiffer(t *testing.T) {
	dark, light := New(true), New(false)
	if dark.Match.GetBackground() == light.Match.GetBackground() || dark.Heading.GetForeground() == light.Heading.GetForeground() {
		t.Fatal("light and dark backgrounds get the same colours")
	}
}

// NO_COLOR: no style may set a colour; highlights must still show.
func TestMonoHasNoColour(t *testing.T) {
	m := Mono()
	none := lipgloss.NewStyle().GetForeground()
	for name, st := range map[string]Style{
		"Header": m.Header, "Status": m.Status, "Selected": m.Selected, "Match": m.Match,
		"Current": m.Current, "Heading": m.Heading, "Error": m.Error, "Progress": m.Progress,
	} {
		if st.GetForeground() != none || st.GetBackground() != none {
			t.Errorf("%s has a colour", name)
		}
	}
	if !m.Match.GetReverse() || !m.Current.GetReverse() || !m.Selected.GetReverse() {
		t.Error("highlights must use reverse video without colours")
	}
	if out := m.Current.Render("x"); !strings.Contains(out, "x") {
		t.Errorf("render: %q", out)
	}
}

// Every view model holds a Styles and Bubble Tea copies the models on
// every message: a copy must not copy the lipgloss styles.
func TestCopyingStylesIsCheap(t *testing.T) {
	for name, s := range map[string]Styles{"New": New(true), "Mono": Mono()} {
		if n := unsafe.Sizeof(s); n > unsafe.Sizeof(uintptr(0)) {
			t.Errorf("%s: a Styles is %d bytes, not one pointer", name, n)
		}
	}
}

// A remembered rendering is lipgloss's, for each style of a set: two
// styles rendering the same text do not share it.
func TestRenderIsLipglossRender(t *testing.T) {
	for _, s := range []Styles{New(true), New(false), Mono()} {
		for _, text := range []string{"", "abc", "中文 text", "tab\there", " 3/175  14% "} {
			for name, st := range map[string]Style{"Header": s.Header, "Title": s.Title, "Selected": s.Selected, "Current": s.Current, "HelpTitle": s.HelpTitle} {
				want := st.Style.Render(text)
				for range 2 { // rendered, then remembered
					if got := st.Render(text); got != want {
						t.Errorf("%s.Render(%q) = %q, want %q", name, text, got, want)
					}
				}
			}
		}
	}
}

// The set remembers a bounded number of renderings, and forgets the
// oldest first.
func TestRenderForgets(t *testing.T) {
	s := New(true)
	for i := range 10 * cacheSize {
		s.Title.Render(fmt.Sprint(i))
	}
	c := s.Title.cache
	if n := len(c.cur) + len(c.old); n > 2*cacheSize {
		t.Fatalf("%d renderings kept, at most %d", n, 2*cacheSize)
	}
	if _, ok := c.cur[cacheKey{s.Title.id, fmt.Sprint(10*cacheSize - 1)}]; !ok {
		t.Fatal("the latest rendering is not kept")
	}
	long := strings.Repeat("x", maxCachedText+1)
	s.Title.Render(long)
	if _, ok := c.cur[cacheKey{s.Title.id, long}]; ok {
		t.Fatal("a long text is kept")
	}
}

// The views render the rows that did not change again on every frame: a
// text rendered before costs no lipgloss work and no allocation.
func TestRenderingAgainAllocatesNothing(t *testing.T) {
	s := New(true)
	text := "500 城市更新中的老街故事"
	s.Selected.Render(text)
	if n := testing.AllocsPerRun(100, func() { _ = s.Selected.Render(text) }); n != 0 {
		t.Errorf("%v allocations to render a text again", n)
	}
}
