package screen_test

import (
	"fmt"

	"github.com/mattn/go-runewidth"

	"newsbrowse/tui/screen"
)

// A reader scrolled one line down, on a 10×4 screen whose last row is a
// status line. The first frame resets the pen, clears the screen and
// paints every row. The scroll sets the scroll region to rows 1–3 (CSI
// 1;3 r), scrolls it up a line in the terminal (CSI S), resets the region
// (CSI r), moves to row 3 (CSI 3 H) and writes only the row that came in.
// The same frame again costs nothing.
func ExamplePainter_Frame() {
	p := screen.NewPainter(&runewidth.Condition{EastAsianWidth: true})
	text := []string{"第一行", "第二行", "第三行", "第四行", "第五行", "第六行"}
	status := "状态栏"
	frame := func(top int) []string { return append(append([]string{}, text[top:top+3]...), status) }

	fmt.Printf("%q\n", p.Frame(frame(0), 10, 4))
	fmt.Printf("%q\n", p.Frame(frame(1), 10, 4))
	fmt.Printf("%d bytes\n", len(p.Frame(frame(1), 10, 4)))
	// Output:
	// "\x1b[m\x1b[H\x1b[2J第一行\r\n第二行\r\n第三行\r\n状态栏"
	// "\x1b[1;3r\x1b[S\x1b[r\x1b[3H第四行"
	// 0 bytes
}
