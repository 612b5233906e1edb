package main

import "testing"

// The expected value is node's createHmac('sha256', 'test-key').update('mqlab-1a2b3c4d.').digest('base64url').
func TestRunSecretMatchesNode(t *testing.T) {
	got := runSecret([]byte("test-key"), "mqlab-1a2b3c4d.")
	if want := "mJVhyGLg46ObzK2GlsW05RHY7o8Sn1cPJBa18NEDqTA"; got != want {
		t.Fatalf("runSecret = %q, want %q", got, want)
	}
}

func TestAuthorize(t *testing.T) {
	key := []byte("test-key")
	run := authorize(key, "mqlab-1a2b3c4d.:mJVhyGLg46ObzK2GlsW05RHY7o8Sn1cPJBa18NEDqTA")
	if len(run.Authorizations) != 1 || run.Authorizations[0].Topic != `^mqlab-1a2b3c4d\.` {
		t.Fatalf("run secret: %+v", run)
	}
	server := authorize(key, "server:"+runSecret(key, "server"))
	if len(server.Authorizations) != 1 || server.Authorizations[0].Topic != ".*" {
		t.Fatalf("server secret: %+v", server)
	}
	for _, forged := range []string{"", "server", "server:", "server:x", "mqlab-1a2b3c4d.:" + runSecret([]byte("other"), "mqlab-1a2b3c4d.")} {
		if got := authorize(key, forged); len(got.Authorizations) != 0 {
			t.Fatalf("%q was authorized: %+v", forged, got)
		}
	}
}
