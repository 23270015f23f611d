package wrap

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
)

// benchSentences are made-up news sentences with the usual mix of CJK
// punctuation, quotations, numbers, Latin words and a URL.
var benchSentences = []string{
	"本报讯（记者 王小明）昨日，市交通运输局召开“绿色出行”专题座谈会，来自12个区县的代表参加了会议。",
	"会议指出，今年前三季度全市公共交通客运量同比增长12.5%，新能源公交车占比达到86.3%。",
	"据介绍，市民可以登录https://example.org/bus?line=42查询实时到站信息，也可以关注官方公众号。",
	"“我们要把好事办好、把实事办实……”一位负责人表示，下一步将继续推进站点改造——尤其是老旧小区周边的站点。",
	"部分专家认为，发展Mobility as a Service（出行即服务）模式，是提升城市交通效率的重要途径。",
	"截至9月底，全市已建成《慢行系统规划》中确定的步道、绿道共计318公里。",
}

// benchArticle builds a document of at least size bytes of flat text.
func benchArticle(size int) []loader.Block {
	blocks := []loader.Block{{Kind: loader.Heading, Text: "市交通运输局召开“绿色出行”专题座谈会"}}
	n, k := len(blocks[0].Text), 0
	for p := 0; n < size; p++ {
		if p%7 == 6 {
			blocks = append(blocks, loader.Block{Kind: loader.Image, Text: loader.ImageText})
			n += len(loader.ImageText) + 1
			continue
		}
		text := loader.Indent
		for range 3 + p%4 {
			text += benchSentences[k%len(benchSentences)]
			k++
		}
		blocks = append(blocks, loader.Block{Kind: loader.Paragraph, Text: text})
		n += len(text) + 1
	}
	return blocks
}

func benchmarkWrap(b *testing.B, size int) {
	blocks := benchArticle(size)
	total := len(blocks) - 1
	for _, blk := range blocks {
		total += len(blk.Text)
	}
	cond := &runewidth.Condition{StrictEmojiNeutral: true}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		Wrap(blocks, 80, cond)
	}
}

func BenchmarkWrap10KB(b *testing.B) { benchmarkWrap(b, 10<<10) }
func BenchmarkWrap1MB(b *testing.B)  { benchmarkWrap(b, 1<<20) }

// crawlerFile renders blocks the way a crawler writes an article: the
// name line, the image banner, and the body as div/span fragments.
func crawlerFile(name string, blocks []loader.Block) []byte {
	var b strings.Builder
	b.WriteString(name + "\n")
	b.WriteString("---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- \n")
	for _, blk := range blocks[1:] {
		if blk.Kind == loader.Image {
			b.WriteString("<div><img src='a.jpg'></div>")
			continue
		}
		b.WriteString("<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> ")
		b.WriteString(blk.Text)
		b.WriteString("</span></div><div>&nbsp;</div>")
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// benchmarkCleanWrap is what opening an article costs once its bytes are
// read: decode, clean, then lay out at 80 columns.
func benchmarkCleanWrap(b *testing.B, size int) {
	name := "306市交通运输局召开绿色出行专题座谈会.txt"
	raw := crawlerFile(name, benchArticle(size))
	cond := &runewidth.Condition{StrictEmojiNeutral: true}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := loader.LoadBytes(name, raw)
		if err != nil {
			b.Fatal(err)
		}
		Wrap(a.Blocks, 80, cond)
	}
}

func BenchmarkCleanWrap10KB(b *testing.B) { benchmarkCleanWrap(b, 10<<10) }
func BenchmarkCleanWrap1MB(b *testing.B)  { benchmarkCleanWrap(b, 1<<20) }
