package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

const (
	banner = "---------------------------------------- \n" +
		"-------------------这里有图片------------ \n" +
		"---------------------------------------- \n"
	spanOpen  = "<div><span style='font-size:16px;margin-top:15px;line-height:25px;text-indent:30px'> "
	spanClose = "</span></div><div>&nbsp;</div>"
	indent    = "\u3000\u3000"
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// title is one news headline built from the word lists.
func title(r *rand.Rand) string {
	p, s, a, o := pick(r, places), pick(r, subjects), pick(r, actions), pick(r, objects)
	switch r.IntN(7) {
	case 0:
		return p + s + a + o
	case 1:
		return p + "：" + o + pick(r, results)
	case 2:
		return "“" + pick(r, quoted) + "”" + a + "，" + p + o + pick(r, results)
	case 3:
		return s + a + o + "，" + pick(r, results)
	case 4:
		return fmt.Sprintf("%s%d%s%s%s", p, 2+r.IntN(60), pick(r, units), a, o)
	case 5:
		return fmt.Sprintf("%s举办%d年%s交流会", p, 2015+r.IntN(12), o)
	default:
		return p + o + "（" + pick(r, results) + "）"
	}
}

// sentence is one Chinese sentence, punctuation included.
func sentence(r *rand.Rand) string {
	switch r.IntN(9) {
	case 0:
		return fmt.Sprintf("%d月%d日上午，%s%s%s%s，%s。", 1+r.IntN(12), 1+r.IntN(28),
			pick(r, places), pick(r, subjects), pick(r, actions), pick(r, objects), pick(r, results))
	case 1:
		return fmt.Sprintf("%s，%s%s%s，%s。", pick(r, dates), pick(r, places), pick(r, actions),
			pick(r, objects), pick(r, results))
	case 2:
		return fmt.Sprintf("据%s介绍，%s自开放以来累计服务%d%s，比去年同期增长%d.%d%%。",
			pick(r, sources), pick(r, objects), 100+r.IntN(90000), pick(r, statUnits), r.IntN(60), r.IntN(10))
	case 3:
		return fmt.Sprintf("“%s，%s。”%s说。", pick(r, feelings), pick(r, hopes), pick(r, persons))
	case 4:
		return fmt.Sprintf("下一步，%s将%s，%s。", pick(r, subjects), pick(r, plans), pick(r, goals))
	case 5:
		return fmt.Sprintf("记者在现场看到，%s……%s。", pick(r, scenes), pick(r, results))
	case 6:
		return fmt.Sprintf("项目总投资约%d万元，涉及%d%s，计划分%d期实施（详情见https://example.org/%c%d）。",
			50+r.IntN(5000), 2+r.IntN(40), pick(r, units), 2+r.IntN(3), 'a'+rune(r.IntN(26)), r.IntN(1000))
	case 7:
		return fmt.Sprintf("%s表示——这是%s的重要一步——今后将%s。", pick(r, sources), pick(r, goals), pick(r, plans))
	default:
		return fmt.Sprintf("截至目前，%s已覆盖%d%s，%s。", pick(r, objects), 3+r.IntN(80), pick(r, units), pick(r, goals))
	}
}

// paragraph is 1–4 sentences, without the indent.
func paragraph(r *rand.Rand) string {
	var b strings.Builder
	for n := 1 + r.IntN(4); n > 0; n-- {
		b.WriteString(sentence(r))
	}
	return b.String()
}

func enParagraph(r *rand.Rand) string {
	var b strings.Builder
	for n := 2 + r.IntN(3); n > 0; n-- {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s %s %s on %d May, %s.", pick(r, enSubjects), pick(r, enActions),
			pick(r, enObjects), 1+r.IntN(28), pick(r, enTails))
	}
	return b.String()
}

// paragraphs returns paragraphs whose fragments take about size bytes in all.
func paragraphs(r *rand.Rand, size int, next func(*rand.Rand) string) []string {
	var ps []string
	total := 0
	const frame = len(spanOpen) + len(indent) + len(spanClose)
	for total < size || len(ps) == 0 {
		p := next(r)
		if len(ps) > 0 && total+frame+len(p) > size {
			p = cutSentences(p, size-total-frame)
			if p == "" {
				break
			}
		}
		ps = append(ps, p)
		total += frame + len(p)
	}
	return ps
}

// insertToken puts tok into one paragraph, at a rune boundary of its text.
func insertToken(r *rand.Rand, ps []string, tok string) {
	i := r.IntN(len(ps))
	runes := []rune(ps[i])
	at := r.IntN(len(runes) + 1)
	ps[i] = string(runes[:at]) + tok + string(runes[at:])
}

// body renders paragraphs as the crawler's one-line HTML, led by the empty
// fragment the crawler leaves at the start.
func body(ps []string, withIndent bool) string {
	var b strings.Builder
	b.WriteString(spanOpen + "</span></div><div>&nbsp;</div>")
	for _, p := range ps {
		b.WriteString(spanOpen)
		if withIndent {
			b.WriteString(indent)
		}
		b.WriteString(p)
		b.WriteString(spanClose)
	}
	return b.String()
}

// plain is the text a reader shows for ps: one paragraph a line, blank
// lines between, for a pager to display as the peer of the reader.
func plain(name string, ps []string, withIndent bool) string {
	var b strings.Builder
	b.WriteString(name + "\n")
	for _, p := range ps {
		b.WriteString("\n")
		if withIndent {
			b.WriteString(indent)
		}
		b.WriteString(p + "\n")
	}
	return b.String()
}

// fileName gives the crawl number i a prefix in one of the forms seen in
// collections; names without a prefix carry the number in the title.
func fileName(r *rand.Rand, i int, t string) string {
	switch v := r.IntN(100); {
	case v < 80:
		return fmt.Sprintf("%d%s.txt", i, t)
	case v < 85:
		return fmt.Sprintf("%06d%s.txt", i, t)
	case v < 90:
		return fmt.Sprintf("%d_%s.txt", i, t)
	case v < 94:
		return fmt.Sprintf("%d-%s.txt", i, t)
	case v < 97:
		return fmt.Sprintf("%d %s.txt", i, t)
	default:
		return fmt.Sprintf("%s（第%d期）.txt", t, i)
	}
}

// cutSentences keeps the leading whole sentences of p (ended by "。" or
// ". ") that fit in n bytes.
func cutSentences(p string, n int) string {
	keep := 0
	for keep < len(p) {
		zh, en := strings.Index(p[keep:], "。"), strings.Index(p[keep:], ". ")
		end := -1
		switch {
		case zh >= 0 && (en < 0 || zh < en):
			end = keep + zh + len("。")
		case en >= 0:
			end = keep + en + 1
		}
		if end < 0 || end > n {
			break
		}
		keep = end
	}
	return strings.TrimSpace(p[:keep])
}
