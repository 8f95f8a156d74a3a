// Reference driver for the conformance run: Alloy's own parser and printer, compiled at run time
// from the Alloy tree under test (test/conformance/reference.ts places its syntax packages in a
// temporary GOPATH; nothing of Alloy is stored in this repository). Reads {"src": base64} lines,
// answers {"diags": [...], "fmt": string|null} lines, where fmt is what `alloy fmt` prints.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/grafana/alloy/syntax/diag"
	"github.com/grafana/alloy/syntax/parser"
	"github.com/grafana/alloy/syntax/printer"
)

type req struct {
	Src []byte `json:"src"`
}
type d struct {
	Line, Col int
	Msg       string
}
type res struct {
	Diags []d     `json:"diags"`
	Fmt   *string `json:"fmt"`
	Panic string  `json:"panic,omitempty"`
}

func handle(r req) (out res) {
	defer func() {
		if p := recover(); p != nil {
			out.Panic = fmt.Sprint(p)
		}
	}()
	f, err := parser.ParseFile("f", r.Src)
	out.Diags = []d{}
	if err != nil {
		if ds, ok := err.(diag.Diagnostics); ok {
			for _, x := range ds {
				out.Diags = append(out.Diags, d{x.StartPos.Line, x.StartPos.Column, x.Message})
			}
		}
		return
	}
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, f); err == nil {
		s := buf.String() + "\n"
		out.Fmt = &s
	}
	return
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	enc := json.NewEncoder(os.Stdout)
	for sc.Scan() {
		var r req
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			panic(err)
		}
		enc.Encode(handle(r))
	}
}
