export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /** the dashboard's base URL, e.g. https://dondoc.example.gov.vn */
  dashboardUrl: string;
}
