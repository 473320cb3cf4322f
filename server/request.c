/* request.c: answering a request: set the echoed request_id, or wrap a
 * failure in a Status, and hand the answer back to the session. */
#include "request.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pbjson.h"
#include "util.h"

const char *request_status_name(int code, char *buf, size_t bufsz)
{
	if (!pbjson_enum_short(&cctns__v1__status_code__descriptor, code, buf,
	                       bufsz))
		snprintf(buf, bufsz, "%d", code);
	return buf;
}

void request_reply(struct request *req, Envelope *resp)
{
	resp->request_id = req->id;
	req->done(req, resp);
}

void request_fail(struct request *req, Cctns__V1__StatusCode code,
                  const char *field, const char *fmt, ...)
{
	Envelope env = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Status st = CCTNS__V1__STATUS__INIT;
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	for (size_t n = strlen(message); n && !utf8_valid(message, n);)
		message[--n] = '\0'; /* never cut a character in two */
	st.code = code;
	st.message = message;
	if (field)
		st.field = (char *)field;
	env.body_case = CCTNS__V1__ENVELOPE__BODY_STATUS;
	env.status = &st;
	request_reply(req, &env);
}
