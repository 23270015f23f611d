package match_test

import (
	"fmt"

	"newsbrowse/loader/match"
)

// Smart case: a query in lower case matches either case, one with an
// upper-case letter only that case. Full-width and half-width forms match
// each other (NFKC), ASCII quotes match Chinese ones, and the ranges are
// bytes of the original text.
func ExampleCompile() {
	text := "ＧＤＰ增长，GDP 数据与 gdp 预期"
	for _, q := range []string{"gdp", "GDP", "ｇｄｐ"} {
		m := match.Compile(q, true)
		fmt.Printf("%s: %d", q, m.Count(text))
		for s, e := range m.All(text) {
			fmt.Printf(" %q", text[s:e])
		}
		fmt.Println()
	}
	fmt.Println(match.Compile(`"夜市"`, true).FindAll("“夜市”开张"))
	// Output:
	// gdp: 3 "ＧＤＰ" "GDP" "gdp"
	// GDP: 2 "ＧＤＰ" "GDP"
	// ｇｄｐ: 3 "ＧＤＰ" "GDP" "gdp"
	// [[0 12]]
}
