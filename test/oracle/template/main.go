// Differential oracle for src/template: runs Go's text/template (the Go installed here) with a
// function map of this project's own stdlib implementations of Alloy's template functions (and a
// few sprig-shaped helpers), answering one JSON line per request line.
//
// Request:  {"t": base64 template, "d": tagged data, "funcs": true|false}
// Tagged data: ["s", base64] string, ["f", "text"] float64, ["i", "decimal"] int, ["b", bool],
//              ["n"] nil, ["l", [tagged…]] []interface{}, ["sl", [base64…]] []string,
//              ["m", [[key, tagged]…]] map[string]interface{}, ["sm", [[key, base64]…]] map[string]string,
//              ["u"] no data at all (Execute(w, nil)).
// Response: {"out": base64} | {"perr": message} | {"eerr": message} | {"panic": message}
package main

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

type request struct {
	T     string          `json:"t"`
	D     json.RawMessage `json:"d"`
	Funcs bool            `json:"funcs"`
	Sprig bool            `json:"sprig"`
}

type response struct {
	Out   *string `json:"out,omitempty"`
	PErr  *string `json:"perr,omitempty"`
	EErr  *string `json:"eerr,omitempty"`
	Panic *string `json:"panic,omitempty"`
}

func b64(s string) string {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func decode(raw json.RawMessage) interface{} {
	var parts []json.RawMessage
	if err := json.Unmarshal(raw, &parts); err != nil || len(parts) == 0 {
		panic(fmt.Sprintf("bad tagged value %s", raw))
	}
	var tag string
	json.Unmarshal(parts[0], &tag)
	switch tag {
	case "s":
		var s string
		json.Unmarshal(parts[1], &s)
		return b64(s)
	case "f":
		var s string
		json.Unmarshal(parts[1], &s)
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			panic(err)
		}
		return f
	case "i":
		var s string
		json.Unmarshal(parts[1], &s)
		n, err := strconv.Atoi(s)
		if err != nil {
			panic(err)
		}
		return n
	case "b":
		var b bool
		json.Unmarshal(parts[1], &b)
		return b
	case "n":
		return nil
	case "l":
		var items []json.RawMessage
		json.Unmarshal(parts[1], &items)
		out := make([]interface{}, len(items))
		for i, it := range items {
			out[i] = decode(it)
		}
		return out
	case "sl":
		var items []string
		json.Unmarshal(parts[1], &items)
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = b64(it)
		}
		return out
	case "m":
		var items [][2]json.RawMessage
		json.Unmarshal(parts[1], &items)
		out := make(map[string]interface{}, len(items))
		for _, kv := range items {
			var k string
			json.Unmarshal(kv[0], &k)
			out[b64(k)] = decode(kv[1])
		}
		return out
	case "sm":
		var items [][2]string
		json.Unmarshal(parts[1], &items)
		out := make(map[string]string, len(items))
		for _, kv := range items {
			out[b64(kv[0])] = b64(kv[1])
		}
		return out
	}
	panic("unknown tag " + tag)
}

// funcs mirrors the signatures of Alloy's extra template functions, written against stdlib.
func funcs() template.FuncMap {
	return template.FuncMap{
		"ToLower":    strings.ToLower,
		"ToUpper":    strings.ToUpper,
		"Replace":    strings.Replace,
		"Trim":       strings.Trim,
		"TrimLeft":   strings.TrimLeft,
		"TrimRight":  strings.TrimRight,
		"TrimPrefix": strings.TrimPrefix,
		"TrimSuffix": strings.TrimSuffix,
		"TrimSpace":  strings.TrimSpace,
		"Sha2Hash": func(salt, input string) string {
			sum := sha256.Sum256([]byte(salt + input))
			return hex.EncodeToString(sum[:])
		},
		"regexReplaceAll": func(expr, s, repl string) string {
			return regexp.MustCompile(expr).ReplaceAllString(s, repl)
		},
		"regexReplaceAllLiteral": func(expr, s, repl string) string {
			return regexp.MustCompile(expr).ReplaceAllLiteralString(s, repl)
		},
	}
}

func handle(req request) (res response) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			res = response{Panic: &msg}
		}
	}()
	tmpl := template.New("pipeline_template")
	if req.Funcs {
		tmpl = tmpl.Funcs(funcs())
	}
	if req.Sprig {
		tmpl = tmpl.Funcs(sprigLike())
	}
	tmpl, err := tmpl.Parse(b64(req.T))
	if err != nil {
		msg := err.Error()
		return response{PErr: &msg}
	}
	var buf bytes.Buffer
	var data interface{}
	var parts []json.RawMessage
	json.Unmarshal(req.D, &parts)
	var tag string
	if len(parts) > 0 {
		json.Unmarshal(parts[0], &tag)
	}
	if tag == "u" {
		err = tmpl.Execute(&buf, nil)
	} else {
		data = decode(req.D)
		err = tmpl.Execute(&buf, data)
	}
	if err != nil {
		msg := err.Error()
		return response{EErr: &msg}
	}
	out := base64.StdEncoding.EncodeToString(buf.Bytes())
	return response{Out: &out}
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<20), 64<<20)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			msg := "bad request: " + err.Error()
			enc.Encode(response{Panic: &msg})
			continue
		}
		enc.Encode(handle(req))
	}
}

// The project's own Go renditions of a subset of sprig's functions, written from sprig's
// documented behaviour with the standard library (sprig itself is not a dependency here).
func toStr(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprintf("%v", v)
}

func isEmpty(v interface{}) bool {
	g := reflect.ValueOf(v)
	if !g.IsValid() {
		return true
	}
	switch g.Kind() {
	case reflect.Array, reflect.Slice, reflect.Map, reflect.String:
		return g.Len() == 0
	case reflect.Bool:
		return !g.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return g.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return g.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return g.Float() == 0
	case reflect.Struct:
		return false
	}
	return g.IsNil()
}

func strList(v interface{}) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if e != nil {
				out = append(out, toStr(e))
			}
		}
		return out
	}
	val := reflect.ValueOf(v)
	if val.Kind() == reflect.Slice || val.Kind() == reflect.Array {
		out := make([]string, 0, val.Len())
		for i := 0; i < val.Len(); i++ {
			if e := val.Index(i).Interface(); e != nil {
				out = append(out, toStr(e))
			}
		}
		return out
	}
	if v == nil {
		return []string{}
	}
	return []string{toStr(v)}
}

func listOf(v interface{}, what string) []interface{} {
	kind := reflect.TypeOf(v).Kind()
	if kind != reflect.Slice && kind != reflect.Array {
		panic(fmt.Errorf("Cannot find %s on type %s", what, kind))
	}
	val := reflect.ValueOf(v)
	out := make([]interface{}, val.Len())
	for i := range out {
		out[i] = val.Index(i).Interface()
	}
	return out
}

var fixedEnv = map[string]string{"A": "x", "B": "y", "1": "one"}

func sprigLike() template.FuncMap {
	return template.FuncMap{
		"upper":      strings.ToUpper,
		"lower":      strings.ToLower,
		"trim":       strings.TrimSpace,
		"trimAll":    func(cut, s string) string { return strings.Trim(s, cut) },
		"trimPrefix": func(p, s string) string { return strings.TrimPrefix(s, p) },
		"trimSuffix": func(p, s string) string { return strings.TrimSuffix(s, p) },
		"replace":    func(o, n, s string) string { return strings.Replace(s, o, n, -1) },
		"repeat":     func(n int, s string) string { return strings.Repeat(s, n) },
		"substr": func(start, end int, s string) string {
			if start < 0 {
				return s[:end]
			}
			if end < 0 || end > len(s) {
				return s[start:]
			}
			return s[start:end]
		},
		"trunc": func(n int, s string) string {
			if n < 0 && len(s)+n > 0 {
				return s[len(s)+n:]
			}
			if n >= 0 && len(s) > n {
				return s[:n]
			}
			return s
		},
		"contains":  func(sub, s string) bool { return strings.Contains(s, sub) },
		"hasPrefix": func(p, s string) bool { return strings.HasPrefix(s, p) },
		"hasSuffix": func(p, s string) bool { return strings.HasSuffix(s, p) },
		"quote": func(xs ...interface{}) string {
			out := []string{}
			for _, x := range xs {
				if x != nil {
					out = append(out, fmt.Sprintf("%q", toStr(x)))
				}
			}
			return strings.Join(out, " ")
		},
		"squote": func(xs ...interface{}) string {
			out := []string{}
			for _, x := range xs {
				if x != nil {
					out = append(out, fmt.Sprintf("'%v'", x))
				}
			}
			return strings.Join(out, " ")
		},
		"indent":    func(n int, s string) string { p := strings.Repeat(" ", n); return p + strings.Replace(s, "\n", "\n"+p, -1) },
		"sha1sum":   func(s string) string { h := sha1.Sum([]byte(s)); return hex.EncodeToString(h[:]) },
		"sha256sum": func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) },
		"b64enc":    func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) },
		"b64dec": func(s string) string {
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return err.Error()
			}
			return string(b)
		},
		"toString": toStr,
		"toJson":   func(v interface{}) string { b, _ := json.Marshal(v); return string(b) },
		"join":     func(sep string, v interface{}) string { return strings.Join(strList(v), sep) },
		"split": func(sep, s string) map[string]string {
			m := map[string]string{}
			for i, p := range strings.Split(s, sep) {
				m["_"+strconv.Itoa(i)] = p
			}
			return m
		},
		"splitList": func(sep, s string) []string { return strings.Split(s, sep) },
		"list":      func(xs ...interface{}) []interface{} { return xs },
		"default": func(d interface{}, given ...interface{}) interface{} {
			if len(given) == 0 || isEmpty(given[0]) {
				return d
			}
			return given[0]
		},
		"empty": isEmpty,
		"coalesce": func(xs ...interface{}) interface{} {
			for _, x := range xs {
				if !isEmpty(x) {
					return x
				}
			}
			return nil
		},
		"ternary": func(a, b interface{}, c bool) interface{} {
			if c {
				return a
			}
			return b
		},
		"first": func(v interface{}) interface{} {
			l := listOf(v, "first")
			if len(l) == 0 {
				return nil
			}
			return l[0]
		},
		"last": func(v interface{}) interface{} {
			l := listOf(v, "last")
			if len(l) == 0 {
				return nil
			}
			return l[len(l)-1]
		},
		"reverse": func(v interface{}) []interface{} {
			l := listOf(v, "reverse")
			out := make([]interface{}, len(l))
			for i, x := range l {
				out[len(l)-1-i] = x
			}
			return out
		},
		"sortAlpha": func(v interface{}) []string {
			k := reflect.Indirect(reflect.ValueOf(v)).Kind()
			if k == reflect.Slice || k == reflect.Array {
				a := strList(v)
				sort.Strings(a)
				return a
			}
			return []string{toStr(v)}
		},
		"regexMatch":     func(re, s string) bool { m, _ := regexp.MatchString(re, s); return m },
		"regexFind":      func(re, s string) string { return regexp.MustCompile(re).FindString(s) },
		"regexFindAll":   func(re, s string, n int) []string { return regexp.MustCompile(re).FindAllString(s, n) },
		"regexSplit":     func(re, s string, n int) []string { return regexp.MustCompile(re).Split(s, n) },
		"regexQuoteMeta": regexp.QuoteMeta,
		"base":           path.Base,
		"dir":            path.Dir,
		"ext":            path.Ext,
		"clean":          path.Clean,
		"typeOf":         func(v interface{}) string { return fmt.Sprintf("%T", v) },
		"kindOf":         func(v interface{}) string { return reflect.ValueOf(v).Kind().String() },
		// A fixed environment {A: x, B: y, 1: one} stands in for the process environment.
		"env":       func(k string) string { return fixedEnv[k] },
		"expandenv": func(s string) string { return os.Expand(s, func(k string) string { return fixedEnv[k] }) },
		"until": func(n int) []int {
			out := []int{}
			if n < 0 {
				for i := 0; i > n; i-- {
					out = append(out, i)
				}
				return out
			}
			for i := 0; i < n; i++ {
				out = append(out, i)
			}
			return out
		},
	}
}
