package grep

import (
	"strings"
	"testing"
)

// benchArticle is the flat text of a news article of about 1 KB, as
// loader.Flat makes it: the title, an image placeholder, paragraphs
// indented with U+3000, digits, quotes and ellipses among the ideographs.
const benchArticle = "长春社区卫生服务中心恢复应急避难场所\n[图片]\n" +
	"\u3000\u3000“环境一下子变好了，我们会继续做好服务。”负责该项目的工程师说。截至目前，湿地保护项目已覆盖81个站点，进一步提升服务水平。\n" +
	"\u3000\u3000日前，南宁完成无障碍改造工程，成效初步显现。“排队的时间比以前短了一半，希望以后能常态化举办。”合作社理事长说。\n" +
	"\u3000\u30009月20日上午，长春社区卫生服务中心完成共享农机平台建设，运行平稳有序，累计服务33782人次，同比增长56.9%。\n" +
	"\u3000\u3000记者在现场看到，展台前挤满了前来咨询的市民……上周末，白城设立智慧停车系统，惠及上万家庭。下一步，街道办事处将加强日常维护，打造便民服务品牌，详情见https://example.org/f349。\n" +
	"\u3000\u3000市统计局表示——这是推动相关产业融合发展的重要一步。"

// BenchmarkSnippetSpan makes the snippet of every match of a few words in
// benchArticle, as --grep does for the first match of an article; the
// general path is measured on the same matches for comparison.
func BenchmarkSnippetSpan(b *testing.B) {
	var spans [][2]int
	for _, q := range []string{"服务", "的", "记者", "5", "长春", "市统计局"} {
		for i := 0; ; {
			j := strings.Index(benchArticle[i:], q)
			if j < 0 {
				break
			}
			spans = append(spans, [2]int{i + j, i + j + len(q)})
			i += j + len(q)
		}
	}
	for _, bc := range []struct {
		name string
		f    func(text string, start, end int) (string, int, int)
	}{
		{"SnippetSpan", func(text string, s, e int) (string, int, int) {
			return SnippetSpan(text, s, e, narrow, SnippetWidth)
		}},
		{"general", func(text string, s, e int) (string, int, int) {
			return snippetGeneral(text, s, e, narrow, SnippetWidth)
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, sp := range spans {
					bc.f(benchArticle, sp[0], sp[1])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(spans)), "ns/snippet")
		})
	}
}
