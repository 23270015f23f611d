package styles

import (
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
	for name, st := range map[string]lipgloss.Style{
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
