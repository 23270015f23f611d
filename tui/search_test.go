package tui

import (
	"strings"
	"testing"
)

func TestInTextSearch(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	d.keys("/")
	d.typeText("座谈会")
	if s := d.screen(); !strings.Contains(s, "40 matches") {
		t.Fatalf("incremental count missing:\n%s", s)
	}
	d.keys("enter")
	s := d.screen()
	if !strings.Contains(s, "/座谈会 1/40") {
		t.Fatalf("after enter: %s", lastLine(s))
	}
	d.keys("n", "n")
	if s := d.screen(); !strings.Contains(lastLine(s), "3/40") {
		t.Fatalf("after n n: %s", lastLine(s))
	}
	d.keys("N", "N", "N")
	s = d.screen()
	if !strings.Contains(lastLine(s), "search hit TOP") {
		t.Fatalf("no wrap notice: %s", lastLine(s))
	}
	d.keys("j")
	if !strings.Contains(lastLine(d.screen()), "40/40") {
		t.Fatalf("wrap did not land on the last match: %s", lastLine(d.screen()))
	}
	// the current match is on screen
	if !strings.Contains(d.screen(), "第40次居民座谈会") {
		t.Fatalf("current match not scrolled into view:\n%s", d.screen())
	}
	d.keys("esc")
	if strings.Contains(lastLine(d.screen()), "座谈会") || d.model().state != stateReader {
		t.Fatalf("esc did not clear the search: %s", lastLine(d.screen()))
	}
}

func TestSearchFoldsWidthAndCase(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	d.keys("/")
	d.typeText("ｒｅａｄｍｅ")
	d.keys("enter")
	if s := lastLine(d.screen()); !strings.Contains(s, "1/4") {
		t.Fatalf("full-width lower-case query: %s", s)
	}
	d.keys("/")
	d.typeText("Readme")
	d.keys("enter")
	if s := lastLine(d.screen()); !strings.Contains(s, "no match") {
		t.Fatalf("smart case: a query with capitals is case-sensitive: %s", s)
	}
}

func TestSearchNoMatchAndCancel(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	d.keys("/")
	d.typeText("没有这个词")
	if s := lastLine(d.screen()); !strings.Contains(s, "no match") {
		t.Fatalf("prompt with no match: %s", s)
	}
	d.keys("esc")
	if q := d.model().rdr.Query(); q != "" {
		t.Fatalf("esc in the prompt kept query %q", q)
	}
}

func TestLibraryFilter(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("/")
	d.typeText("冰灯")
	if s := d.screen(); !strings.Contains(s, "1 shown") || !strings.Contains(s, "306 长春冰灯") {
		t.Fatalf("filter as you type:\n%s", s)
	}
	d.keys("enter", "esc")
	if s := d.screen(); strings.Contains(s, "shown") {
		t.Fatalf("esc did not clear the filter:\n%s", s)
	}
	d.keys("/")
	d.typeText("１０２４") // full-width digits find the prefix 1024
	if s := d.screen(); !strings.Contains(s, "1 shown") {
		t.Fatalf("full-width filter:\n%s", s)
	}
	d.keys("esc")
	d.keys("/")
	d.typeText("没有")
	if s := d.screen(); !strings.Contains(s, "No article matches") {
		t.Fatalf("empty filter result:\n%s", s)
	}
}

func TestCollectionSearch(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("F")
	d.typeText("市民")
	d.keys("enter")
	s := d.screen()
	if !strings.Contains(s, "12/12 done") {
		t.Fatalf("search did not finish:\n%s", s)
	}
	if !strings.Contains(s, "306 长春冰灯") || !strings.Contains(s, "春季植树") {
		t.Fatalf("expected hits missing:\n%s", s)
	}
	if !strings.Contains(s, "2 articles, 3 matches") {
		t.Fatalf("counts:\n%s", s)
	}
	d.keys("enter")
	if s := lastLine(d.screen()); !strings.Contains(s, "88 春季植树") || !strings.Contains(s, "/市民 1/1") {
		t.Fatalf("opened without the query: %s", s)
	}
	d.keys("q")
	if d.model().state != stateResults {
		t.Fatal("q from a result did not return to the results")
	}
	d.keys("q")
	if d.model().state != stateLibrary {
		t.Fatal("q from the results did not return to the list")
	}
}

// [ and ] in an article opened from the results step through the hits,
// each opened at its match, not through the library.
func TestBracketsStepThroughHits(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("F")
	d.typeText("市民")
	d.keys("enter", "enter")
	if s := lastLine(d.screen()); !strings.Contains(s, "88 春季植树") {
		t.Fatalf("first hit: %s", s)
	}
	d.keys("]")
	if s := lastLine(d.screen()); !strings.Contains(s, "306 长春冰灯") || !strings.Contains(s, "/市民 1/") {
		t.Fatalf("] did not open the next hit at its match: %s", s)
	}
	d.keys("]")
	if s := lastLine(d.screen()); !strings.Contains(s, "no more hits") {
		t.Fatalf("] past the last hit: %s", s)
	}
	d.keys("[")
	if s := lastLine(d.screen()); !strings.Contains(s, "88 春季植树") {
		t.Fatalf("[: %s", s)
	}
	d.keys("q")
	if d.model().state != stateResults {
		t.Fatal("q did not return to the results")
	}
}
