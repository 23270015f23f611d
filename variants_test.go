package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbrowse/loader/match"
)

// --grep finds traditional characters with a simplified query and the
// reverse; --no-fold-variants and NEWSBROWSE_NO_FOLD_VARIANTS turn it off.
func TestGrepFoldsVariants(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "1臺北.txt"), []byte("1臺北.txt\n<p>　　臺北市新建數據庫系統。</p>"), 0o644)
	os.WriteFile(filepath.Join(dir, "2上海.txt"), []byte("2上海.txt\n<p>　　上海新建数据库系统。</p>"), 0o644)
	for _, tc := range []struct {
		args []string
		env  string
		want []string
	}{
		{[]string{"--grep", "数据库"}, "", []string{"1臺北.txt\t1\t", "2上海.txt\t1\t"}},
		{[]string{"--grep", "數據庫"}, "", []string{"1臺北.txt\t1\t", "2上海.txt\t1\t"}},
		{[]string{"--grep", "台北"}, "", []string{"1臺北.txt\t2\t"}}, // title and text
		{[]string{"--grep", "数据库", "--no-fold-variants"}, "", []string{"2上海.txt\t1\t"}},
		{[]string{"--grep", "數據庫"}, "1", []string{"1臺北.txt\t1\t"}},
		{[]string{"--grep", "數據庫"}, "0", []string{"1臺北.txt\t1\t", "2上海.txt\t1\t"}},
	} {
		t.Setenv("NEWSBROWSE_NO_FOLD_VARIANTS", tc.env)
		out, errs, code := runCLI(t, append(tc.args, dir)...)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		ok := code == 0 && len(lines) == len(tc.want)
		for i := 0; ok && i < len(lines); i++ {
			ok = strings.HasPrefix(lines[i], tc.want[i])
		}
		if !ok {
			t.Errorf("%q (env %q): exit %d %s\n%s\nwant rows starting %q", tc.args, tc.env, code, errs, out, tc.want)
		}
	}
}

// newsbrowse serve honours NEWSBROWSE_NO_FOLD_VARIANTS too.
func TestServeFoldsVariantsByEnvironment(t *testing.T) {
	defer match.SetVariantFolding(true)
	for _, env := range []string{"1", ""} {
		t.Setenv("NEWSBROWSE_NO_FOLD_VARIANTS", env)
		runCLI(t, "serve", "-h")
		if match.VariantFolding() != (env == "") {
			t.Errorf("NEWSBROWSE_NO_FOLD_VARIANTS=%q: folding %v", env, match.VariantFolding())
		}
	}
}
