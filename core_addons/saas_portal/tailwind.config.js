// The portal's stylesheet: only the classes used by the templates are kept.
// A workshop's colours come from /<db>/portal/<workshop>/theme.css as CSS
// variables (r g b), so one stylesheet serves every workshop.
module.exports = {
  content: ['./templates/**/*.html', '../../addons/*/templates/**/*.html'],
  theme: {
    extend: {
      colors: {
        brand: {
          DEFAULT: 'rgb(var(--brand) / <alpha-value>)',
          text: 'rgb(var(--brand-text) / <alpha-value>)',
        },
        accent: {
          DEFAULT: 'rgb(var(--accent) / <alpha-value>)',
          text: 'rgb(var(--accent-text) / <alpha-value>)',
        },
      },
      fontFamily: {
        sans: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto',
          'Helvetica Neue', 'Arial', 'sans-serif'],
      },
    },
  },
  plugins: [],
};
