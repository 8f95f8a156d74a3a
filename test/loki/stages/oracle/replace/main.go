// Differential oracle for stage.replace: Go's regexp and text/template driving the capture-group
// splice that stage.replace performs (written for alloy-scrub from the documented behaviour).
// Reads {"Expr","Repl","Input"} JSON lines, answers {"out","named"} JSON lines.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"text/template"
)

type req struct {
	Expr, Repl, Input string
}
type res struct {
	Out   string            `json:"out"`
	Named map[string]string `json:"named"`
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r req
		json.Unmarshal(sc.Bytes(), &r)
		re := regexp.MustCompile(r.Expr)
		t := template.Must(template.New("pipeline_template").Parse(r.Repl))
		all := re.FindAllStringSubmatchIndex(r.Input, -1)
		out := r.Input
		named := map[string]string{}
		if all != nil {
			result := ""
			prev := 0
			cm := map[string]string{}
			td := map[string]string{}
			for _, m := range all {
				for i := 2; i < len(m); i += 2 {
					if m[i] == -1 {
						continue
					}
					s := r.Input[m[i]:m[i+1]]
					td["Value"] = s
					buf := &bytes.Buffer{}
					t.Execute(buf, td)
					if prev == 0 || prev <= m[i] {
						result += r.Input[prev:m[i]] + buf.String()
						prev = m[i+1]
					}
					cm[s] = buf.String()
				}
			}
			out = result + r.Input[prev:]
			match := re.FindStringSubmatch(r.Input)
			for i, n := range re.SubexpNames() {
				if i != 0 && n != "" {
					if v, ok := cm[match[i]]; ok {
						named[n] = v
					}
				}
			}
		}
		b, _ := json.Marshal(res{out, named})
		fmt.Println(string(b))
	}
}
