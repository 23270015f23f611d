package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The real binary, twice in a row in tmux: open an article and scroll 20
// lines, quit; the second run selects that article, reopens it on the same
// rows, and --list --unread leaves it out.
func TestResumeEndToEndInTmux(t *testing.T) {
	x := newE2E(t)
	unread := filepath.Join(x.dir, "unread")
	signal := func(ch string) string { return "; tmux -S " + shQuote(x.sock) + " wait-for -S " + ch }
	run := shQuote(x.bin) + " " + shQuote(x.coll)
	script := run + signal("first") + "; " + run + signal("second") + "; " +
		shQuote(x.bin) + " --list --unread " + shQuote(x.coll) + " > " + shQuote(unread) + signal("listed") + "; sleep 30"
	x.start(100, script)
	waitSignal := func(ch string) {
		t.Helper()
		if err := runWithin(exec.Command("tmux", "-S", x.sock, "wait-for", ch), 15*time.Second); err != nil {
			t.Fatalf("no %s signal: %v", ch, err)
		}
	}

	x.waitFor("12 articles, 12 unread", false)
	x.run("send-keys", "-t", "nb", "/", "老街", "Enter", "Enter")
	x.waitFor("500 城市更新中的老街故事", false)
	for range 20 {
		x.run("send-keys", "-t", "nb", "j")
	}
	want := bodyRows(x.waitFor(" 21/", false))
	x.run("send-keys", "-t", "nb", "q")
	x.waitFor("11 unread", false)
	x.run("send-keys", "-t", "nb", "q")
	waitSignal("first")

	screen := x.waitFor("12 articles, 11 unread", false)
	if !regexp.MustCompile(`>\s+500 城市更新中的老街故事`).MatchString(screen) {
		t.Fatalf("the second run does not select the article opened last:\n%s", screen)
	}
	x.run("send-keys", "-t", "nb", "Enter")
	if got := bodyRows(x.waitFor(" 21/", false)); got != want {
		t.Fatalf("reopened on\n%s\nwant\n%s", got, want)
	}
	x.run("send-keys", "-t", "nb", "q")
	x.waitFor("11 unread", false)
	x.run("send-keys", "-t", "nb", "q")
	waitSignal("second")
	waitSignal("listed")
	b, err := os.ReadFile(unread)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(b), "\n") != 11 || strings.Contains(string(b), "老街") {
		t.Errorf("--list --unread after reading one article:\n%s", b)
	}
}

// bodyRows is a captured pane without its status line.
func bodyRows(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[:len(lines)-1], "\n")
}
