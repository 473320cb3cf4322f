/* chart_png.c: cctns-report's PNG charts (see chart_png.h): chart.c's
 * layout painted with cairo in the painting order the layout gives (grid,
 * bars, line, points, text), text set with pango, then cairo's PNG
 * encoder writing to the stream. */
#include "chart_png.h"

#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "util.h"

#define PI 3.14159265358979323846

static void set_colour(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0,
	                     ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

/* Grid lines and axes, 1 px, on pixel centres so they stay sharp. */
static void rules(cairo_t *cr, const struct chart_layout *l)
{
	size_t i;

	cairo_set_line_width(cr, 1);
	for (i = 0; i < l->nrules; i++) {
		const struct chart_rule *r = &l->rules[i];
		set_colour(cr, r->kind == RULE_GRID ? CHART_GRID : CHART_INK);
		cairo_move_to(cr, floor(r->x1) + 0.5, floor(r->y1) + 0.5);
		cairo_line_to(cr, floor(r->x2) + 0.5, floor(r->y2) + 0.5);
		cairo_stroke(cr);
	}
}

static void bars(cairo_t *cr, const struct chart_layout *l)
{
	size_t i;

	set_colour(cr, CHART_BAR);
	for (i = 0; i < l->nbars; i++)
		cairo_rectangle(cr, l->bars[i].x, l->bars[i].y, l->bars[i].w,
		                l->bars[i].h);
	cairo_fill(cr);
}

static void points(cairo_t *cr, const struct chart_layout *l)
{
	size_t i;

	if (l->kind != CHART_LINE || l->npoints == 0)
		return;
	set_colour(cr, CHART_BAR);
	cairo_set_line_width(cr, CHART_LINE_W);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (i = 0; i < l->npoints; i++)
		cairo_line_to(cr, l->points[i].x, l->points[i].y);
	cairo_stroke(cr);
	for (i = 0; i < l->npoints; i++) {
		cairo_new_sub_path(cr);
		cairo_arc(cr, l->points[i].x, l->points[i].y, CHART_POINT_R, 0,
		          2 * PI);
	}
	cairo_fill(cr);
}

/* One font per style. */
static PangoFontDescription *font_for(enum chart_style style)
{
	PangoFontDescription *f = pango_font_description_new();

	pango_font_description_set_family(f, "DejaVu Sans,sans-serif");
	pango_font_description_set_absolute_size(
	        f, (style == STYLE_TITLE ? CHART_TITLE_PX : CHART_FONT_PX) *
	                   PANGO_SCALE);
	if (style == STYLE_BOLD || style == STYLE_TITLE)
		pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
	return f;
}

/* The text t: its baseline at (x, y), placed by its anchor, turned when
 * the layout says so. The text is plain (never pango markup). */
static void text(cairo_t *cr, PangoLayout *pl, const struct chart_text *t)
{
	static const double shift[] = {
	        [ANCHOR_START] = 0, [ANCHOR_MIDDLE] = 0.5, [ANCHOR_END] = 1};
	PangoFontDescription *f = font_for(t->style);
	int w, h;
	double base;

	pango_layout_set_font_description(pl, f);
	pango_font_description_free(f);
	pango_layout_set_text(pl, t->s, -1);
	pango_layout_get_pixel_size(pl, &w, &h);
	base = pango_layout_get_baseline(pl) / (double)PANGO_SCALE;
	cairo_save(cr);
	set_colour(cr, t->style == STYLE_MUTED ? CHART_MUTED : CHART_INK);
	cairo_translate(cr, t->x, t->y);
	if (t->rotated)
		cairo_rotate(cr, -PI / 2);
	cairo_move_to(cr, -shift[t->anchor] * w, -base);
	pango_cairo_update_layout(cr, pl);
	pango_cairo_show_layout(cr, pl);
	cairo_restore(cr);
}

static void texts(cairo_t *cr, const struct chart_layout *l)
{
	PangoLayout *pl = pango_cairo_create_layout(cr);
	size_t i;

	pango_layout_set_single_paragraph_mode(pl, TRUE);
	for (i = 0; i < l->ntexts; i++)
		text(cr, pl, &l->texts[i]);
	g_object_unref(pl);
}

static cairo_status_t put(void *closure, const unsigned char *data,
                          unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
	                                            : CAIRO_STATUS_WRITE_ERROR;
}

static enum chart_png_result paint(const struct chart_layout *l, FILE *out)
{
	cairo_surface_t *s = cairo_image_surface_create(
	        CAIRO_FORMAT_RGB24, (int)ceil(l->width), (int)ceil(l->height));
	cairo_t *cr = cairo_create(s);
	enum chart_png_result rc = CHART_PNG_DRAWING;
	cairo_status_t st;

	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		goto out;
	set_colour(cr, CHART_PAPER);
	cairo_paint(cr);
	rules(cr, l);
	bars(cr, l);
	points(cr, l);
	texts(cr, l);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		goto out;
	cairo_surface_flush(s);
	st = cairo_surface_write_to_png_stream(s, put, out);
	if (st == CAIRO_STATUS_SUCCESS && !ferror(out))
		rc = CHART_PNG_OK;
	else
		rc = st == CAIRO_STATUS_WRITE_ERROR || ferror(out)
		             ? CHART_PNG_WRITE
		             : CHART_PNG_DRAWING;
out:
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return rc;
}

enum chart_png_result chart_png_write(FILE *out, const struct chart *ch)
{
	struct chart_layout l;
	enum chart_png_result rc;

	chart_layout(ch, &l);
	rc = l.height > CHART_PNG_MAX_H ? CHART_PNG_TOO_BIG : paint(&l, out);
	chart_layout_free(&l);
	return rc;
}

const char *chart_png_strerror(enum chart_png_result r)
{
	switch (r) {
	case CHART_PNG_OK:
		return "ok";
	case CHART_PNG_WRITE:
		return "could not write the file";
	case CHART_PNG_TOO_BIG:
		return "too many rows for a PNG chart (at most about 740); "
		       "draw it as .svg or choose fewer rows";
	case CHART_PNG_DRAWING:
		break;
	}
	return "cairo could not draw the chart";
}
