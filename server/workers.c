/* workers.c: the supervisor of several worker processes (see workers.h).
 * The parent does no TLS and no database work: it blocks its signals and
 * reads them from a signalfd, reads "ready" bytes from the workers through
 * a pipe, and reaps and restarts workers. A worker dies with the parent
 * (PR_SET_PDEATHSIG), so a killed supervisor leaves no orphan serving. */
#define _GNU_SOURCE /* pipe2 */
#include "workers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "notify.h"
#include "util.h"

#define RESTART_DELAY_MS 1000 /* a worker that died young waits this long */
#define YOUNG_MS         2000

struct worker {
	pid_t pid;          /* 0: not running */
	int64_t started;    /* ms, monotonic */
	int64_t restart_at; /* ms; 0: no restart pending */
	int ready;
};

struct supervisor {
	int n;
	struct worker *w;
	const struct workers_hooks *hooks;
	int sigfd;
	int ready_pipe[2];
	int reserved; /* the bound, not listening, SO_REUSEPORT socket */
	sigset_t old_mask;
	int stopping;
	int announced;
	int failed; /* a worker exited with a non-zero code while stopping */
	const struct listen_addr *listen;
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int workers_count(long configured)
{
	long n = configured;

	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > 256)
		n = 256;
	return (int)n;
}

void listen_addr_set_port(struct listen_addr *a, int port)
{
	struct sockaddr *sa = (struct sockaddr *)&a->sa;

	a->port = port;
	if (sa->sa_family == AF_INET6)
		((struct sockaddr_in6 *)sa)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)sa)->sin_port = htons((uint16_t)port);
}

void workers_ready(int ready_fd, int index)
{
	uint8_t b = (uint8_t)index;

	if (ready_fd >= 0 && write(ready_fd, &b, 1) != 1)
		log_event(LOG_WARN, "worker_ready_lost", "worker=%d", index);
}

/* Bind the port for every worker to share; learn it when 0 was asked. */
static int reserve_port(struct listen_addr *listen)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int one = 1;
	int fd = socket(((struct sockaddr *)&listen->sa)->sa_family,
	                SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) != 0 ||
	    bind(fd, (struct sockaddr *)&listen->sa,
	         (socklen_t)listen->salen) != 0 ||
	    getsockname(fd, (struct sockaddr *)&ss, &len) != 0) {
		close(fd);
		return -1;
	}
	listen_addr_set_port(
	        listen, ntohs(ss.ss_family == AF_INET6
	                              ? ((struct sockaddr_in6 *)&ss)->sin6_port
	                              : ((struct sockaddr_in *)&ss)->sin_port));
	return fd;
}

/* In the child: undo what the parent set up, then be a worker. */
static void child_main(struct supervisor *s, int index)
{
	int rc;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	close(s->sigfd);
	close(s->ready_pipe[0]);
	close(s->reserved);
	sigprocmask(SIG_SETMASK, &s->old_mask, NULL);
	if (getppid() == 1) /* the parent died before the prctl */
		_exit(1);
	unsetenv("NOTIFY_SOCKET"); /* systemd hears the supervisor only */
	rc = s->hooks->run(s->hooks->arg, index, s->ready_pipe[1]);
	exit(rc);
}

static void worker_start(struct supervisor *s, int i)
{
	pid_t pid = fork();

	if (pid < 0) {
		log_event(LOG_ERROR, "worker_fork_failed", "worker=%d errno=%d",
		          i, errno);
		s->w[i].restart_at = now_ms() + RESTART_DELAY_MS;
		return;
	}
	if (pid == 0)
		child_main(s, i);
	s->w[i].pid = pid;
	s->w[i].started = now_ms();
	s->w[i].restart_at = 0;
	s->w[i].ready = 0;
	log_event(LOG_INFO, "worker_start", "worker=%d pid=%d", i, (int)pid);
}

static int worker_index(const struct supervisor *s, pid_t pid)
{
	for (int i = 0; i < s->n; i++)
		if (s->w[i].pid == pid)
			return i;
	return -1;
}

static int running(const struct supervisor *s)
{
	int k = 0;

	for (int i = 0; i < s->n; i++)
		k += s->w[i].pid != 0;
	return k;
}

static void forward(struct supervisor *s, int sig)
{
	for (int i = 0; i < s->n; i++)
		if (s->w[i].pid)
			kill(s->w[i].pid, sig);
}

/* Reap every dead worker; schedule a restart unless stopping. */
static void reap(struct supervisor *s)
{
	int status, i;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if ((i = worker_index(s, pid)) < 0)
			continue;
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
		int64_t t = now_ms();

		log_event(s->stopping ? LOG_INFO : LOG_ERROR, "worker_exit",
		          "worker=%d pid=%d code=%d signal=%d", i, (int)pid,
		          code, sig);
		s->w[i].pid = 0;
		if (!s->announced && !s->stopping) { /* failed at start */
			s->stopping = 1;
			s->failed = 1;
			forward(s, SIGTERM);
			continue;
		}
		if (s->stopping) {
			s->failed |= code != 0;
			continue;
		}
		s->w[i].restart_at = t - s->w[i].started < YOUNG_MS
		                             ? t + RESTART_DELAY_MS
		                             : t;
	}
}

static void on_signal(struct supervisor *s, int sig)
{
	if (sig == SIGCHLD) {
		reap(s);
	} else if (sig == SIGHUP) {
		notify_reloading();
		if (s->hooks->reload(s->hooks->arg) == 0)
			forward(s, SIGHUP);
		notify_reloaded();
	} else {
		log_event(LOG_INFO, "supervisor_stop", "signal=%d running=%d",
		          sig, running(s));
		notify_stopping();
		s->stopping = 1;
		forward(s, sig);
	}
}

static void on_ready(struct supervisor *s)
{
	uint8_t b[64];
	ssize_t got = read(s->ready_pipe[0], b, sizeof(b));
	int all = 1;

	for (ssize_t k = 0; k < got; k++)
		if (b[k] < s->n)
			s->w[b[k]].ready = 1;
	for (int i = 0; i < s->n; i++)
		all &= s->w[i].ready;
	if (all && !s->announced) {
		s->announced = 1;
		log_event(LOG_INFO, "ready",
		          "listen=%s:%d workers=%d supervisor=%d",
		          s->listen->host, s->listen->port, s->n,
		          (int)getpid());
		notify_workers_ready(s->listen->host, s->listen->port, s->n);
	}
}

/* ms until the next pending restart (-1: none), starting those due. */
static int restarts(struct supervisor *s)
{
	int64_t t = now_ms(), next = -1;

	for (int i = 0; i < s->n && !s->stopping; i++) {
		if (s->w[i].pid || !s->w[i].restart_at)
			continue;
		if (s->w[i].restart_at <= t)
			worker_start(s, i);
		else if (next < 0 || s->w[i].restart_at - t < next)
			next = s->w[i].restart_at - t;
	}
	return (int)next;
}

static void loop(struct supervisor *s)
{
	while (!s->stopping || running(s) > 0) {
		struct pollfd p[2] = {{s->sigfd, POLLIN, 0},
		                      {s->ready_pipe[0], POLLIN, 0}};
		int timeout = restarts(s);

		if (poll(p, 2, timeout) < 0 && errno != EINTR)
			break;
		if (p[0].revents & POLLIN) {
			struct signalfd_siginfo si;

			if (read(s->sigfd, &si, sizeof(si)) == sizeof(si))
				on_signal(s, (int)si.ssi_signo);
		}
		if (p[1].revents & POLLIN)
			on_ready(s);
	}
}

int workers_supervise(int n, struct listen_addr *listen,
                      const struct workers_hooks *hooks)
{
	struct supervisor s = {.n = n, .hooks = hooks, .listen = listen};
	sigset_t mask;

	s.w = xcalloc((size_t)n, sizeof(*s.w));
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, &s.old_mask);
	s.sigfd = signalfd(-1, &mask, SFD_CLOEXEC);
	s.reserved = reserve_port(listen);
	if (s.sigfd < 0 || s.reserved < 0 ||
	    pipe2(s.ready_pipe, O_CLOEXEC) != 0) {
		log_event(LOG_ERROR, "start_failed",
		          "error=\"cannot reserve %s:%d for the workers: %s\"",
		          listen->host, listen->port, strerror(errno));
		free(s.w);
		return 1;
	}
	log_event(LOG_INFO, "supervisor", "workers=%d port=%d", n,
	          listen->port);
	for (int i = 0; i < n; i++)
		worker_start(&s, i);
	loop(&s);
	log_event(LOG_INFO, "exit", "code=%d workers=%d", s.failed, n);
	close(s.sigfd);
	close(s.reserved);
	close(s.ready_pipe[0]);
	close(s.ready_pipe[1]);
	free(s.w);
	return s.failed;
}
