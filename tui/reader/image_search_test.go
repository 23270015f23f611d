package reader

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/styles"
)

// The image placeholder is not text: / never finds 图片 or 图 in it, small
// article or huge.
func TestSearchSkipsImagePlaceholders(t *testing.T) {
	for _, n := range []int{1, 3000} {
		a := bigArticle(n)
		// an image after every paragraph; the text has 图 (图书馆) but not 图片
		var blocks []loader.Block
		for _, b := range a.Blocks {
			blocks = append(blocks, b, loader.Block{Kind: loader.Image, Text: loader.ImageText})
		}
		a.Blocks = blocks
		m := New(styles.Mono(), narrow, 80)
		m.SetSize(80, 24)
		m = drain(m, m.Open(nil, a, false, ""))
		// 城市图书馆 is four times in a paragraph
		for q, want := range map[string]int{"图片": 0, "[图": 0, "片]": 0, "图": 4 * n} {
			m.Update(keyMsg("/"))
			var cmd tea.Cmd
			for _, r := range q {
				cmd, _ = m.Update(keyMsg(string(r)))
				m = drain(m, cmd)
			}
			m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
			if got := len(m.search.matches); got != want {
				t.Errorf("%d paragraphs, /%s: %d matches, want %d", n, q, got, want)
			}
			m.Update(keyMsg("/"))
			m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
		}
	}
}
