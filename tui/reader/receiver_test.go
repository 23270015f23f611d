package reader

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// active returns a pointer into the model it is called on: called on the
// copy a value receiver holds, a change made through it would be lost
// without a word. Only methods with a pointer receiver may call it.
func TestActiveOnlyOnPointerReceivers(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			pointer := false
			if fn.Recv != nil {
				_, pointer = fn.Recv.List[0].Type.(*ast.StarExpr)
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "active" && !pointer {
					t.Errorf("%s: %s calls active() without a pointer receiver", fset.Position(call.Pos()), fn.Name.Name)
				}
				return true
			})
		}
	}
}
