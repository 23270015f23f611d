package reader

import (
	"strings"
	"testing"

	"newsbrowse/loader"

	"newsbrowse/styles"
)

// bigArticle(30000) is about 10 MB of text in 30,000 paragraphs; one
// paragraph of 10 MB is the other extreme.

// BenchmarkFirstScreen10MB is the cost of opening a laid-out-lazily 10 MB
// article up to its first frame: the layout command is not run.
func BenchmarkFirstScreen10MB(b *testing.B) {
	for _, name := range []string{"paragraphs", "one-paragraph"} {
		b.Run(name, func(b *testing.B) {
			a := manyParagraphs(30000)
			if name == "one-paragraph" {
				a = oneParagraph(10 << 20)
			}
			m := New(styles.New(true), narrow, 80)
			m.SetSize(80, 24)
			b.ReportAllocs()
			for b.Loop() {
				m.Open(nil, a, false, "")
				_ = m.View()
			}
		})
	}
}

// BenchmarkResize10MB is the cost of a resize of a 10 MB article, read in
// its middle, to its next frame.
func BenchmarkResize10MB(b *testing.B) {
	for _, name := range []string{"paragraphs", "one-paragraph"} {
		b.Run(name, func(b *testing.B) {
			a := manyParagraphs(30000)
			if name == "one-paragraph" {
				a = oneParagraph(10 << 20)
			}
			m := New(styles.New(true), narrow, 80)
			m.SetSize(80, 24)
			m = drain(m, m.Open(nil, a, false, ""))
			m.goTo(len(m.doc.flat) / 2)
			w := 80
			b.ReportAllocs()
			for b.Loop() {
				w = 180 - w // 100, 80, 100…
				m.SetSize(w, 24)
				_ = m.View()
			}
		})
	}
}

// oneParagraph is an article of one paragraph of about n bytes.
func oneParagraph(n int) loader.Article {
	return loaded(strings.Repeat("城市图书馆推出夜间借阅服务，读者可以在晚上十点前还书。", n/81))
}

// manyParagraphs is bigArticle(n) as the loader makes it from a file.
func manyParagraphs(n int) loader.Article {
	para := strings.Repeat("城市图书馆推出夜间借阅服务，读者可以在晚上十点前还书。", 4) + "标记词"
	return loaded(strings.Repeat("<p>"+para+"</p>", n))
}

// loaded is the article the loader makes of a file holding body: its
// blocks share its flat text, as a huge article's do.
func loaded(body string) loader.Article {
	a, err := loader.LoadBytes("1大文章.txt", []byte("1大文章.txt\n"+body))
	if err != nil {
		panic(err)
	}
	return a
}
