package match

import (
	"strings"
	"testing"
)

const benchSize = 1 << 20

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

var (
	benchASCII = repeatTo("The quick brown fox jumps over the lazy dog; SQL queries run at 12.5% load. ", benchSize)
	benchCJK   = strings.ToValidUTF8(repeatTo("\u3000\u3000本市今年新建社区图书馆十二座，全年接待读者（含线上）约３５万人次，较去年增长１８％。", benchSize), "")
)

func benchFind(b *testing.B, query string, smart bool, text string) {
	m := Compile(query, smart)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = m.Count(text)
	}
	b.ReportMetric(float64(n), "matches")
}

func BenchmarkASCIISensitive(b *testing.B)   { benchFind(b, "SQL", true, benchASCII) }
func BenchmarkASCIIInsensitive(b *testing.B) { benchFind(b, "sql", true, benchASCII) }
func BenchmarkASCIIDigits(b *testing.B)      { benchFind(b, "12.5", true, benchASCII) }
func BenchmarkCJK(b *testing.B)              { benchFind(b, "图书馆", true, benchCJK) }
func BenchmarkCJKFullWidthQuery(b *testing.B) {
	benchFind(b, "35万", true, benchCJK)
}
func BenchmarkCJKRare(b *testing.B) { benchFind(b, "新闻", true, benchCJK) }

// benchArticle is the raw text of one crawled article of about 1 KB.
var benchArticle = "000042西郊：5G智慧课堂服务时长翻番.txt\n" +
	"---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- \n" +
	strings.Repeat("<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> "+
		"\u3000\u3000截至目前，社区食堂已覆盖12个社区，惠及上万家庭。“现在办事方便多了，希望能一直办下去。”一位带着孩子的家长说。"+
		"</span></div><div>&nbsp;</div>", 4)

func benchMayOccur(b *testing.B, query string) {
	m := Compile(query, true)
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		if m.MayOccur(benchArticle, "西郊：5G智慧课堂服务时长翻番", "\u3000 \n") {
			b.Fatal("may occur")
		}
	}
}

func BenchmarkMayOccurCJK(b *testing.B)   { benchMayOccur(b, "基准词") }
func BenchmarkMayOccurASCII(b *testing.B) { benchMayOccur(b, "qj") }
