/* hashpool.c: worker threads for Argon2id (see hashpool.h). Jobs move
 * queue -> worker -> done list; a worker writes one byte to a pipe per
 * finished job and the loop's read event runs the callbacks. */
#include "hashpool.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <argon2.h>
#include <event2/event.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "log.h"
#include "util.h"

/* The parameters cctns-admin hashes with (admin/officer.c says why). */
#define T_COST 2
#define M_COST (19 * 1024) /* KiB */
#define P_COST 1

struct job {
	struct job *next;
	char *encoded; /* NULL: the dummy */
	char *password;
	size_t passlen;
	int ok;
	hashpool_cb cb;
	void *arg;
};

struct hashpool {
	struct event_base *base;
	struct event *ev;
	int pipe_rd, pipe_wr;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct job *queue, **queue_tail;
	size_t queued;
	struct job *done, **done_tail;
	int stopping;
	int nthreads;
	pthread_t *threads;
	/* A verifier of a random password nobody has, made at start, for
	 * unknown officers: the same cost, always no. */
	char dummy[128];
};

static void job_free(struct job *j)
{
	if (j->password)
		OPENSSL_cleanse(j->password, j->passlen);
	free(j->password);
	free(j->encoded);
	free(j);
}

static void *worker(void *arg)
{
	struct hashpool *hp = arg;

	for (;;) {
		struct job *j;
		char one = 1;

		pthread_mutex_lock(&hp->mu);
		while (!hp->queue && !hp->stopping)
			pthread_cond_wait(&hp->cv, &hp->mu);
		if (!hp->queue) {
			pthread_mutex_unlock(&hp->mu);
			return NULL;
		}
		j = hp->queue;
		hp->queue = j->next;
		if (!hp->queue)
			hp->queue_tail = &hp->queue;
		hp->queued--;
		pthread_mutex_unlock(&hp->mu);

		j->ok = argon2id_verify(j->encoded ? j->encoded : hp->dummy,
		                        j->password, j->passlen) == ARGON2_OK &&
		        j->encoded;
		OPENSSL_cleanse(j->password, j->passlen);

		pthread_mutex_lock(&hp->mu);
		j->next = NULL;
		*hp->done_tail = j;
		hp->done_tail = &j->next;
		pthread_mutex_unlock(&hp->mu);
		while (write(hp->pipe_wr, &one, 1) < 0 && errno == EINTR)
			;
	}
}

/* On the loop: run the callbacks of finished jobs. */
static void done_cb(evutil_socket_t fd, short what, void *arg)
{
	struct hashpool *hp = arg;
	char buf[64];
	struct job *list;

	(void)what;
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	pthread_mutex_lock(&hp->mu);
	list = hp->done;
	hp->done = NULL;
	hp->done_tail = &hp->done;
	pthread_mutex_unlock(&hp->mu);
	while (list) {
		struct job *j = list;

		list = j->next;
		j->cb(j->arg, j->ok);
		job_free(j);
	}
}

static int dummy_verifier(char *out, size_t outsz)
{
	uint8_t pw[32], salt[16];

	if (RAND_bytes(pw, sizeof(pw)) != 1 ||
	    RAND_bytes(salt, sizeof(salt)) != 1)
		return -1;
	return argon2id_hash_encoded(T_COST, M_COST, P_COST, pw, sizeof(pw),
	                             salt, sizeof(salt), 32, out,
	                             outsz) == ARGON2_OK
	               ? 0
	               : -1;
}

struct hashpool *hashpool_new(struct event_base *base, int threads)
{
	struct hashpool *hp = xcalloc(1, sizeof(*hp));
	int fds[2];

	if (pipe(fds) != 0) {
		log_event(LOG_ERROR, "hashpool", "error=pipe");
		free(hp);
		return NULL;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(fds[i], F_SETFD, FD_CLOEXEC);
		fcntl(fds[i], F_SETFL, O_NONBLOCK);
	}
	if (dummy_verifier(hp->dummy, sizeof(hp->dummy)) != 0) {
		log_event(LOG_ERROR, "hashpool", "error=dummy");
		close(fds[0]);
		close(fds[1]);
		free(hp);
		return NULL;
	}
	hp->base = base;
	hp->pipe_rd = fds[0];
	hp->pipe_wr = fds[1];
	hp->queue_tail = &hp->queue;
	hp->done_tail = &hp->done;
	pthread_mutex_init(&hp->mu, NULL);
	pthread_cond_init(&hp->cv, NULL);
	hp->ev =
	        event_new(base, hp->pipe_rd, EV_READ | EV_PERSIST, done_cb, hp);
	event_add(hp->ev, NULL);
	hp->threads = xcalloc((size_t)threads, sizeof(*hp->threads));
	for (int i = 0; i < threads; i++) {
		if (pthread_create(&hp->threads[i], NULL, worker, hp) != 0) {
			log_event(LOG_ERROR, "hashpool", "error=thread");
			break;
		}
		hp->nthreads++;
	}
	if (hp->nthreads == 0) {
		hashpool_free(hp);
		return NULL;
	}
	return hp;
}

void hashpool_free(struct hashpool *hp)
{
	struct job *j;

	if (!hp)
		return;
	pthread_mutex_lock(&hp->mu);
	hp->stopping = 1;
	j = hp->queue; /* not started: answered no */
	hp->queue = NULL;
	hp->queue_tail = &hp->queue;
	pthread_cond_broadcast(&hp->cv);
	pthread_mutex_unlock(&hp->mu);
	for (int i = 0; i < hp->nthreads; i++)
		pthread_join(hp->threads[i], NULL);
	while (j) {
		struct job *next = j->next;

		j->cb(j->arg, 0);
		job_free(j);
		j = next;
	}
	done_cb(hp->pipe_rd, EV_READ, hp); /* finished ones */
	event_free(hp->ev);
	close(hp->pipe_rd);
	close(hp->pipe_wr);
	pthread_mutex_destroy(&hp->mu);
	pthread_cond_destroy(&hp->cv);
	free(hp->threads);
	free(hp);
}

int hashpool_verify(struct hashpool *hp, const char *encoded,
                    const char *password, size_t passlen, hashpool_cb cb,
                    void *arg)
{
	struct job *j;

	pthread_mutex_lock(&hp->mu);
	if (hp->stopping || hp->queued >= HASHPOOL_QUEUE_MAX) {
		pthread_mutex_unlock(&hp->mu);
		return -1;
	}
	pthread_mutex_unlock(&hp->mu);
	j = xcalloc(1, sizeof(*j));
	j->encoded = encoded ? xstrdup(encoded) : NULL;
	j->password = xmalloc(passlen + 1);
	memcpy(j->password, password, passlen);
	j->password[passlen] = '\0';
	j->passlen = passlen;
	j->cb = cb;
	j->arg = arg;
	pthread_mutex_lock(&hp->mu);
	*hp->queue_tail = j;
	hp->queue_tail = &j->next;
	hp->queued++;
	pthread_cond_signal(&hp->cv);
	pthread_mutex_unlock(&hp->mu);
	return 0;
}
