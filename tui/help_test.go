package tui

import (
	"strings"
	"testing"
)

// firstLine is the top row of the screen, trimmed.
func firstLine(s string) string { return strings.TrimSpace(strings.SplitN(s, "\n", 2)[0]) }

func TestHelpPagesLikeTheReader(t *testing.T) {
	d := newDriver(t, testConfig(t), 40, 12)
	d.keys("?")
	top := firstLine(d.screen())
	if !strings.Contains(top, "Library keys") {
		t.Fatalf("help opens on %q", top)
	}
	d.keys("j")
	second := firstLine(d.screen())
	if second == top {
		t.Fatal("j did not move the help")
	}
	d.keys("k")
	if got := firstLine(d.screen()); got != top {
		t.Fatalf("k did not move back: %q", got)
	}
	d.keys("space")
	paged := d.screen()
	d.keys("b")
	if got := firstLine(d.screen()); got != top {
		t.Fatalf("b did not page back: %q", got)
	}
	d.keys("space")
	if d.screen() != paged {
		t.Fatal("space pages differently after b")
	}
	// j past the end stays on the last page, never wraps to the first
	for range 60 {
		d.keys("j")
	}
	end := d.screen()
	if strings.Contains(end, "Library keys") {
		t.Fatalf("j wrapped to page 1:\n%s", end)
	}
	d.keys("j")
	if d.screen() != end {
		t.Fatal("j moved past the last line")
	}
	if foot := strings.TrimSpace(lastLine(end)); strings.Contains(foot, "more") {
		t.Fatalf("last page footer %q", foot)
	}
	d.keys("g")
	if got := firstLine(d.screen()); got != top {
		t.Fatalf("g: %q", got)
	}
	d.keys("G")
	if d.screen() != end {
		t.Fatal("G is not the last page")
	}
}

func TestHelpStatesTheMatchingRule(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 60)
	d.keys("?")
	s := d.screen()
	for _, want := range []string{"Matching (filter, /, F)", "lower case matches either case", "full-width = half-width", `" ' match “ ” ‘ ’`,
		"數據庫 = 数据库, character by character: words are not converted"} {
		if !strings.Contains(s, want) {
			t.Fatalf("help lacks %q:\n%s", want, s)
		}
	}
}
