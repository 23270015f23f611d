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
