/* dispatch.c: the one table of request types. */
#include "dispatch.h"

#include "handlers.h"
#include "util.h"

static const struct dispatch_row rows[] = {
        {CCTNS__V1__ENVELOPE__BODY_HELLO, "hello", handle_hello, 0, NULL, NULL},
        {CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR, "register_fir",
         handle_register_fir, 1, NULL, NULL},
        {CCTNS__V1__ENVELOPE__BODY_GET_FIR, "get_fir", handle_get_fir, 1, NULL,
         NULL},
};

const struct dispatch_row *dispatch_find(Cctns__V1__Envelope__BodyCase body,
                                         size_t *index)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		if (rows[i].body == body) {
			*index = i;
			return &rows[i];
		}
	}
	*index = ARRAY_LEN(rows);
	return NULL;
}

size_t dispatch_count(void)
{
	return ARRAY_LEN(rows);
}

const char *dispatch_type_name(size_t i)
{
	return i < ARRAY_LEN(rows) ? rows[i].name : "other";
}
