package wrap_test

import (
	"fmt"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// A paragraph of a news article at 28 columns, CJK quotes two columns wide:
// the indent of two U+3000 stays, ” closes its line instead of starting the
// next, and the URL moves whole to the next line rather than being cut.
func ExampleWrap() {
	cond := &runewidth.Condition{EastAsianWidth: true}
	para := loader.Indent + "市民李女士说：“夜市让老街重新热闹起来了。”详情见 https://xinwen.cn/a/2024 网页。"
	for _, l := range wrap.Wrap([]loader.Block{{Kind: loader.Paragraph, Text: para}}, 28, cond) {
		fmt.Printf("%-2d|%s|\n", wrap.Width(l.Text, cond), l.Text)
	}
	// Output:
	// 28|　　市民李女士说：“夜市让老|
	// 26|街重新热闹起来了。”详情见|
	// 27|https://xinwen.cn/a/2024 网|
	// 4 |页。|
}
