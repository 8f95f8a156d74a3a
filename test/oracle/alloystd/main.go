// Differential oracle for the config evaluator: Go's fmt.Sprintf, strconv, strings and 64-bit
// integer arithmetic, which Alloy's stdlib and operators are built on. One JSON request per line
// on stdin, one JSON answer per line on stdout.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

type arg struct {
	T    string          `json:"t"`
	V    json.RawMessage `json:"v"`
	Type string          `json:"type"`
}

type request struct {
	Op     string `json:"op"`
	Format string `json:"format"`
	Args   []arg  `json:"args"`
	S      string `json:"s"`
	Old    string `json:"old"`
	New    string `json:"new"`
	Bits   string `json:"bits"`
	A      string `json:"a"`
	B      string `json:"b"`
	Kind   string `json:"kind"`
	Oper   string `json:"oper"`
}

type answer struct {
	Out   string   `json:"out"`
	List  []string `json:"list,omitempty"`
	Panic bool     `json:"panic,omitempty"`
}

func toGo(a arg) any {
	switch a.T {
	case "nil":
		return nil
	case "string":
		var s string
		json.Unmarshal(a.V, &s)
		return s
	case "bool":
		var b bool
		json.Unmarshal(a.V, &b)
		return b
	case "int":
		var s string
		json.Unmarshal(a.V, &s)
		if a.Type == "uint64" {
			u, _ := strconv.ParseUint(s, 10, 64)
			return u
		}
		i, _ := strconv.ParseInt(s, 10, 64)
		return int(i)
	case "float64":
		var s string
		json.Unmarshal(a.V, &s)
		bits, _ := strconv.ParseUint(s, 10, 64)
		return math.Float64frombits(bits)
	case "slice":
		var elems []arg
		json.Unmarshal(a.V, &elems)
		out := []any{}
		for _, e := range elems {
			out = append(out, toGo(e))
		}
		return out
	case "map":
		var entries [][2]json.RawMessage
		json.Unmarshal(a.V, &entries)
		out := map[string]any{}
		for _, kv := range entries {
			var k string
			json.Unmarshal(kv[0], &k)
			var v arg
			json.Unmarshal(kv[1], &v)
			out[k] = toGo(v)
		}
		return out
	}
	panic("unknown arg type " + a.T)
}

func intOp(kind, oper, a, b string) (out string, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			panicked = true
		}
	}()
	if kind == "uint" {
		x, _ := strconv.ParseUint(a, 10, 64)
		y, _ := strconv.ParseUint(b, 10, 64)
		var r uint64
		switch oper {
		case "+":
			r = x + y
		case "-":
			r = x - y
		case "*":
			r = x * y
		case "/":
			r = x / y
		case "%":
			r = x % y
		}
		return strconv.FormatUint(r, 10), false
	}
	x, _ := strconv.ParseInt(a, 10, 64)
	y, _ := strconv.ParseInt(b, 10, 64)
	var r int64
	switch oper {
	case "+":
		r = x + y
	case "-":
		r = x - y
	case "*":
		r = x * y
	case "/":
		r = x / y
	case "%":
		r = x % y
	}
	return strconv.FormatInt(r, 10), false
}

// powLoop multiplies n by itself m-1 times with 64-bit wrap-around, the definition of Alloy's
// integer ^ for m >= 1 (m == 0 or n == 1 give 1; n == 0 with m > 0 gives 0).
func powLoop(kind, a, b string) string {
	if kind == "uint" {
		n, _ := strconv.ParseUint(a, 10, 64)
		m, _ := strconv.ParseUint(b, 10, 64)
		if m == 0 || n == 1 {
			return "1"
		}
		if n == 0 {
			return "0"
		}
		r := n
		for i := uint64(2); i <= m; i++ {
			r *= n
		}
		return strconv.FormatUint(r, 10)
	}
	n, _ := strconv.ParseInt(a, 10, 64)
	m, _ := strconv.ParseInt(b, 10, 64)
	if m == 0 || n == 1 {
		return "1"
	}
	if n == 0 && m > 0 {
		return "0"
	}
	r := n
	for i := int64(2); i <= m; i++ {
		r *= n
	}
	return strconv.FormatInt(r, 10)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			panic(err)
		}
		var ans answer
		switch req.Op {
		case "sprintf":
			args := make([]any, len(req.Args))
			for i, a := range req.Args {
				args[i] = toGo(a)
			}
			ans.Out = fmt.Sprintf(req.Format, args...)
		case "lower":
			ans.Out = strings.ToLower(req.S)
		case "upper":
			ans.Out = strings.ToUpper(req.S)
		case "trimspace":
			ans.Out = strings.TrimSpace(req.S)
		case "replace":
			ans.Out = strings.ReplaceAll(req.S, req.Old, req.New)
		case "split":
			ans.List = strings.Split(req.S, req.Old)
		case "formatfloat":
			bits, _ := strconv.ParseUint(req.Bits, 10, 64)
			ans.Out = strconv.FormatFloat(math.Float64frombits(bits), 'f', -1, 64)
		case "intop":
			if req.Oper == "^" {
				ans.Out = powLoop(req.Kind, req.A, req.B)
			} else {
				ans.Out, ans.Panic = intOp(req.Kind, req.Oper, req.A, req.B)
			}
		case "jsonmarshal":
			bits, _ := strconv.ParseUint(req.Bits, 10, 64)
			b, err := json.Marshal(map[string]any{"k": math.Float64frombits(bits), "s": req.S})
			if err != nil {
				ans.Out = "error"
			} else {
				ans.Out = string(b)
			}
		default:
			panic("unknown op " + req.Op)
		}
		if err := enc.Encode(ans); err != nil {
			panic(err)
		}
	}
}
