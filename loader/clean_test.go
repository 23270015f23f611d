package loader

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Test sentences, written for these tests.
const (
	s1 = "县农业局近日组织技术人员深入田间地头，为果农讲解冬季修剪要点。"
	s2 = "据了解，今年全县共发放优质苗木三万余株，带动两百多户农民增收。"
	s3 = "“有了专家指导，心里踏实多了。”果农老李笑着说。"
)

// The pieces of a crawled article, in the crawler's structure.
const (
	nameLine = "306县农业局开展冬季果树修剪培训.txt\n"
	banner   = "---------------------------------------- \n" +
		"-------------------这里有图片------------ \n" +
		"---------------------------------------- \n"
	spanOpen = "<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> "
	empty    = spanOpen + "</span></div><div>&nbsp;</div>"
)

// body returns the one-line HTML body of a crawled article.
func body(paras ...string) string {
	var b strings.Builder
	b.WriteString(empty)
	for _, p := range paras {
		b.WriteString(spanOpen + "　　" + p + "</span></div><div>&nbsp;</div>")
	}
	b.WriteString("\n")
	return b.String()
}

func para(s string) Block { return Block{Kind: Paragraph, Text: Indent + s} }
func head(s string) Block { return Block{Kind: Heading, Text: s} }

var img = Block{Kind: Image, Text: ImageText}

type cleanCase struct {
	name string
	in   string
	want []Block
}

var cleanCases = []cleanCase{
	// The crawler's structure.
	{"crawled with banner", nameLine + banner + body(s1, s2, s3), []Block{img, para(s1), para(s2), para(s3)}},
	{"crawled without banner", nameLine + body(s1, s2), []Block{para(s1), para(s2)}},
	{"banner in the middle", nameLine + body(s1) + banner + body(s2), []Block{para(s1), img, para(s2)}},
	{"banner twice", nameLine + banner + banner + body(s1), []Block{img, img, para(s1)}},
	{"banner at the end without newline", nameLine + body(s1) + strings.TrimSuffix(banner, "\n"), []Block{para(s1), img}},
	{"banner with CRLF", strings.ReplaceAll(nameLine+banner+body(s1), "\n", "\r\n"), []Block{img, para(s1)}},
	{"banner middle line alone", "甲\n-----这里有图片-----\n乙", []Block{para("甲"), img, para("乙")}},
	{"banner text inside a sentence", "图片说明：这里有图片。", []Block{para("图片说明：这里有图片。")}},
	{"name line and banner only", nameLine + banner, []Block{img}},
	{"name line only", nameLine, nil},
	{"lone dash line dropped", "甲甲\n------------\n乙乙", []Block{para("甲甲"), para("乙乙")}},
	{"short dash line kept", "甲\n---\n乙", []Block{para("甲---乙")}},

	// Line 1.
	{"first line with < kept", "<p>甲.txt</p>", []Block{para("甲.txt")}},
	{"first line without .txt kept", "标题行\n\n正文", []Block{para("标题行"), para("正文")}},
	{"first line .TXT with spaces", "  306标题.TXT  \n正文", []Block{para("正文")}},
	{"only the first line is a name", "正文\n306标题.txt", []Block{para("正文306标题.txt")}},

	// Tags.
	{"p", "<p>" + s1 + "</p><p>" + s2 + "</p>", []Block{para(s1), para(s2)}},
	{"br", s1 + "<br>" + s2 + "<br/>" + s3 + "<BR>", []Block{para(s1), para(s2), para(s3)}},
	{"strong and b are inline", "<p>甲<strong>乙</strong>丙<b>丁</b></p>", []Block{para("甲乙丙丁")}},
	{"a is inline", `<p>详见<a href="https://example.org/a?b=1&amp;c=2">通知原文</a>。</p>`, []Block{para("详见通知原文。")}},
	{"font em span are inline", "<div><font color=red>红</font><em>斜</em><span>体</span></div>", []Block{para("红斜体")}},
	{"img between paragraphs", `<p>甲</p><img src="a.jpg" alt="图"><p>乙</p>`, []Block{para("甲"), img, para("乙")}},
	{"img inside a paragraph", "<p>甲<img src=x>乙</p>", []Block{para("甲"), img, para("乙")}},
	{"consecutive images", "<img src=a><img src=b/>", []Block{img, img}},
	{"script", `<p>甲</p><script type="text/javascript">document.write('<p>乙</p>');</script><p>丙</p>`, []Block{para("甲"), para("丙")}},
	{"script written self-closing", "<script/>var a='<b>';</script>甲", []Block{para("甲")}},
	{"unclosed script", "<p>甲</p><script>乙", []Block{para("甲")}},
	{"style", "<style>p { color: red; }</style><p>甲</p>", []Block{para("甲")}},
	{"comment", "<p>甲<!-- 注释<p>乙</p> -->丙</p>", []Block{para("甲丙")}},
	{"conditional comment", "<!--[if IE]><p>旧</p><![endif]--><p>新</p>", []Block{para("新")}},
	{"whole page", "<!DOCTYPE html><html><head><meta charset=utf-8><title>网站</title></head><body><p>正文</p></body></html>", []Block{para("正文")}},
	{"headings", "<h1>大标题</h1><p>甲</p><h3> 小 标题 </h3>乙", []Block{head("大标题"), para("甲"), head("小 标题"), para("乙")}},
	{"heading closed by its block", "<div><h2>标题</div>正文", []Block{head("标题"), para("正文")}},
	{"br inside heading", "<h2>主<br>副</h2>", []Block{head("主"), head("副")}},
	{"lists and tables", "<ul><li>一</li><li>二</li></ul><table><tr><td>甲</td><td>乙</td></tr></table>", []Block{para("一"), para("二"), para("甲"), para("乙")}},
	{"textarea content parsed", "<textarea><b>甲</b></textarea>", []Block{para("甲")}},
	{"plaintext content parsed", "<plaintext><p>甲</p>", []Block{para("甲")}},
	{"inline tags join words", "<span>甲</span><span>乙</span>", []Block{para("甲乙")}},
	{"newline inside html text", "<p>甲\n乙</p><p>A\nB</p>", []Block{para("甲乙"), para("A B")}},
	{"unclosed tag at the end", "<p>甲</p><div class=", []Block{para("甲")}},
	{"less-than sign in text", "<p>1 < 2</p>", []Block{para("1 < 2")}},

	// Entities.
	{"named and numeric entities", "<p>&ldquo;甲&rdquo;&mdash;&mdash;乙&#12288;丙&#x3001;A&amp;B&nbsp;C&lt;D&gt;</p>", []Block{para("“甲”——乙　丙、A&B C<D>")}},
	{"entities without tags", "&ldquo;甲&rdquo;&nbsp;乙", []Block{para("“甲” 乙")}},
	{"escaped entity stays literal", "<p>&amp;#27;&amp;nbsp;</p>", []Block{para("&#27;&nbsp;")}},
	{"control entities vanish", "<p>甲&#27;[31m乙&#x1b;丙&#7;丁&#0;</p>", []Block{para("甲[31m乙丙丁\ufffd")}},
	{"C1 references map to windows-1252", "<p>甲&#x9b;乙&#155;丙</p>", []Block{para("甲›乙›丙")}},
	{"nbsp runs collapse", "<div>甲</div><div>&nbsp;</div><div>&nbsp;</div><div> </div><div>&#12288;</div><div>乙</div>", []Block{para("甲"), para("乙")}},

	// Controls.
	{"ESC inside a tag", "甲<\x1bdiv>乙", []Block{para("甲"), para("乙")}},
	{"raw controls", "<p>甲\x1b[2J乙\x07丙\u202e丁\u0085戊\x00己</p>", []Block{para("甲[2J乙丙丁戊己")}},
	{"line separators", "甲\u2028\u2028乙", []Block{para("甲"), para("乙")}},

	// Text without HTML.
	{"plain paragraphs", s1[:30] + "\n" + s1[30:] + "\n\n" + s2 + "\n", []Block{para(s1), para(s2)}},
	{"plain latin join", "The county held a\ntraining course.\n\n第二段", []Block{para("The county held a training course."), para("第二段")}},
	{"plain cjk and latin join", "采用\nGPS定位\n技术", []Block{para("采用GPS定位技术")}},
	{"plain quotes join", "他说：“\n好。”", []Block{para("他说：“好。”")}},
	{"plain indented lines", "　　甲段。\n　　乙段。\n", []Block{para("甲段。"), para("乙段。")}},
	{"plain blank line with spaces", "甲\n \t \n乙", []Block{para("甲"), para("乙")}},
	{"plain crlf", "甲\r\n\r\n乙", []Block{para("甲"), para("乙")}},
	{"whitespace only", " \n\t\n　　\n", nil},
	{"empty", "", nil},

	// Indentation and whitespace.
	{"indent ascii spaces", "<p>   甲</p>", []Block{para("甲")}},
	{"indent nbsp", "<p>&nbsp;&nbsp;甲</p>", []Block{para("甲")}},
	{"indent numeric U+3000", "<p>&#12288;&#12288;甲</p>", []Block{para("甲")}},
	{"indent none", "<p>甲</p>", []Block{para("甲")}},
	{"indent mixed", "<p> 　　 　甲 　</p>", []Block{para("甲")}},
	{"indent four U+3000", "<p>\u3000\u3000\u3000\u3000甲</p>", []Block{para("甲")}},
	{"indent tab plain", "\t甲", []Block{para("甲")}},
	{"inner whitespace collapses", "<p>A  \t B&nbsp;&nbsp;C</p>", []Block{para("A B C")}},
	{"inner U+3000 kept", "<p>本报讯　市图书馆</p>", []Block{para("本报讯　市图书馆")}},
}

func TestClean(t *testing.T) {
	for _, tc := range cleanCases {
		got := Clean(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: Clean(%q)\n got %s\nwant %s", tc.name, tc.in, showBlocks(got), showBlocks(tc.want))
		}
	}
}

func showBlocks(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		fmt.Fprintf(&b, "\n  %d %q", bl.Kind, bl.Text)
	}
	return b.String()
}

func TestDocument(t *testing.T) {
	bodyBlocks := []Block{para("甲")}
	cases := []struct {
		name, title string
		want        []Block
	}{
		{"title", "县农业局开展培训", []Block{head("县农业局开展培训"), para("甲")}},
		{"no title", "", []Block{para("甲")}},
		{"blank title", " \u3000 ", []Block{para("甲")}},
		{"title with controls", "县\x1b[1m农业局\n培训\u202e", []Block{head("县[1m农业局 培训"), para("甲")}},
	}
	for _, tc := range cases {
		if got := Document(tc.title, bodyBlocks); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Document(%q)\n got %s\nwant %s", tc.name, tc.title, showBlocks(got), showBlocks(tc.want))
		}
	}
}

func TestFlatten(t *testing.T) {
	cases := []struct {
		name   string
		blocks []Block
		text   string
		starts []int
	}{
		{"none", nil, "", []int{}},
		{"one", []Block{head("题")}, "题", []int{0}},
		{"three", []Block{head("题"), img, para("甲")}, "题\n[图片]\n　　甲", []int{0, 4, 13}},
		{"empty text", []Block{head(""), head("a")}, "\na", []int{0, 1}},
	}
	for _, tc := range cases {
		text, starts := Flatten(tc.blocks)
		if text != tc.text || !slices.Equal(starts, tc.starts) {
			t.Errorf("%s: Flatten = %q, %v; want %q, %v", tc.name, text, starts, tc.text, tc.starts)
		}
	}
}
