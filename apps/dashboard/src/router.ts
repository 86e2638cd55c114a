import type { Session } from '@baton/web/data-access';
import { LoginPage } from '@baton/web/feature-auth';
import { HotelsPage } from '@baton/web/feature-activity';
import { watch } from 'vue';
import { createRouter, createWebHistory, type Router } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean;
  }
}

export function createAppRouter(session: Session): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/', redirect: '/hotels' },
      { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
      { path: '/hotels', name: 'hotels', component: HotelsPage },
      // Inbox, case and campaign pages load on first use (their own chunks).
      {
        path: '/hotels/:hotelId/inbox',
        name: 'inbox',
        component: () => import('@baton/web/feature-inbox').then((m) => m.InboxPage),
      },
      {
        path: '/hotels/:hotelId/cases/:caseId',
        name: 'case',
        component: () => import('@baton/web/feature-inbox').then((m) => m.CasePage),
      },
      {
        path: '/hotels/:hotelId/campaigns',
        name: 'campaigns',
        component: () => import('@baton/web/feature-campaigns').then((m) => m.CampaignsPage),
      },
      {
        path: '/hotels/:hotelId/tickets',
        name: 'tickets',
        component: () => import('@baton/web/feature-tickets').then((m) => m.TicketsPage),
      },
      {
        path: '/hotels/:hotelId/tickets/:ticketId',
        name: 'ticket',
        component: () => import('@baton/web/feature-tickets').then((m) => m.TicketPage),
      },
      {
        path: '/hotels/:hotelId/notifications',
        name: 'notifications',
        component: () => import('@baton/web/feature-admin').then((m) => m.NotificationsPage),
      },
      {
        path: '/hotels/:hotelId/admin/sla',
        name: 'admin-sla',
        component: () => import('@baton/web/feature-admin').then((m) => m.SlaPage),
      },
      {
        path: '/hotels/:hotelId/admin/automations',
        name: 'admin-automations',
        component: () => import('@baton/web/feature-admin').then((m) => m.AutomationsPage),
      },
      {
        path: '/hotels/:hotelId/admin/raci',
        name: 'admin-raci',
        component: () => import('@baton/web/feature-admin').then((m) => m.RaciPage),
      },
      { path: '/:pathMatch(.*)*', redirect: '/hotels' },
    ],
  });

  router.beforeEach((to) => {
    const signedIn = session.isAuthenticated.value;
    if (to.meta.public) {
      return signedIn && to.name === 'login' ? { name: 'hotels' } : true;
    }
    if (!signedIn) {
      return { name: 'login', query: to.fullPath === '/hotels' ? {} : { redirect: to.fullPath } };
    }
    return true;
  });

  // The session can end outside any page: refresh token expired, or sign-out in another tab.
  watch(session.isAuthenticated, (signedIn) => {
    const current = router.currentRoute.value;
    if (!signedIn && !current.meta.public) {
      void router.replace({ name: 'login', query: { redirect: current.fullPath } });
    }
  });

  return router;
}
