package library

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsbrowse/loader"
	"newsbrowse/styles"
)

// borderAt is the column where the list pane ends, or -1 without a preview.
func borderAt(m Model) int {
	row := strings.Split(ansi.Strip(m.View()), "\n")[1]
	i := strings.Index(row, border)
	if i < 0 {
		return -1
	}
	return narrow.StringWidth(row[:i])
}

func TestListPaneSizedToTheTitles(t *testing.T) {
	long := strings.Repeat("长", 30) // 60 columns
	es := []loader.Entry{{Prefix: "1", Title: long, RelPath: "1" + long + ".txt"}}
	for _, tc := range []struct {
		width, want int
		titles      []loader.Entry
	}{
		{140, 2 + 1 + 1 + 60, es}, // the whole title fits: 64 columns, more than 40%
		{100, 57, es},             // 60% of 100 is 60, but the preview keeps 40 columns
		{200, 64, es},
		{120, 40, entriesTitled("短")}, // short titles: never under 40
	} {
		m := New(styles.Mono(), narrow, "c")
		m.SetEntries(tc.titles)
		m.SetSize(tc.width, 10)
		if got := borderAt(m); got != tc.want {
			t.Errorf("width %d: list is %d wide, want %d", tc.width, got, tc.want)
		}
		if pw := m.previewWidth(); pw < minPreview {
			t.Errorf("width %d: preview %d wide", tc.width, pw)
		}
		if tc.width >= 140 && !strings.Contains(ansi.Strip(m.View()), long) {
			t.Errorf("width %d: the title is cut", tc.width)
		}
	}
}

func entriesTitled(title string) []loader.Entry {
	es := make([]loader.Entry, 3)
	for i := range es {
		es[i] = loader.Entry{Prefix: fmt.Sprint(i + 1), Title: title}
		es[i].RelPath = es[i].Prefix + title + ".txt"
	}
	return es
}

func TestPTogglesThePreview(t *testing.T) {
	m := New(styles.Mono(), narrow, "c")
	m.SetEntries(entries(5))
	m.SetSize(120, 10)
	if !m.WantsPreview() || borderAt(m) < 0 {
		t.Fatal("no preview at 120 columns")
	}
	m.Update(keyMsg("p"))
	if m.WantsPreview() || borderAt(m) >= 0 {
		t.Fatal("p left the preview on screen")
	}
	m.Update(keyMsg("p"))
	if !m.WantsPreview() || borderAt(m) < 0 {
		t.Fatal("p did not bring the preview back")
	}
}
