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
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/template"
)

type request struct {
	T     string          `json:"t"`
	D     json.RawMessage `json:"d"`
	Funcs bool            `json:"funcs"`
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
