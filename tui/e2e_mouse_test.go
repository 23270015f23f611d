package tui

import (
	"regexp"
	"testing"
)

// An SGR wheel event, as a terminal sends it with button and wheel
// reporting on, scrolls the reader of the real binary.
func TestWheelInTmux(t *testing.T) {
	x := newE2E(t)
	x.start(80, shQuote(x.bin)+" "+shQuote(x.coll)+"; sleep 30")

	x.waitFor("12 articles", false)
	x.run("send-keys", "-t", "nb", "/", "老街", "Enter", "Enter")
	x.waitFor("[图片]", false)          // only the reader shows it at 80 columns
	screen := x.waitFor(" 1/", false) // its position, once laid out
	m := regexp.MustCompile(` 1/(\d+) `).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no position in the status line:\n%s", screen)
	}
	// wheel down at column 10, row 5 (SGR 1006: button 65)
	x.run("send-keys", "-t", "nb", "-l", "\x1b[<65;10;5M")
	x.waitFor(" 4/"+m[1]+" ", false)
	x.run("send-keys", "-t", "nb", "-l", "\x1b[<64;10;5M")
	x.waitFor(" 1/"+m[1]+" ", false)
}

// Y puts the title and path on the clipboard through OSC 52: tmux, with
// set-clipboard on, makes a paste buffer of it.
func TestCopyTitleInTmux(t *testing.T) {
	x := newE2E(t)
	x.start(80, shQuote(x.bin)+" "+shQuote(x.coll)+"; sleep 30")
	x.run("set-option", "-s", "set-clipboard", "on")

	x.waitFor("12 articles", false)
	x.run("send-keys", "-t", "nb", "/", "冰灯", "Enter", "Y")
	x.waitFor("copied the title and path", false)
	// the clipboard write goes out before the frames that follow it
	x.run("send-keys", "-t", "nb", "Escape")
	x.waitFor("老街", false) // the filter cleared
	buf := x.run("show-buffer")
	if buf != "306 长春冰灯艺术节开幕，夜游线路受欢迎\n306长春冰灯艺术节开幕，夜游线路受欢迎.txt" {
		t.Fatalf("tmux buffer %q", buf)
	}
}
